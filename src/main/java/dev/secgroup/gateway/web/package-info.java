/**
 * What every mirrored operation shares at the HTTP edge: problem+json answers and their
 * error codes, strict JSON, the body limit, path rules, the OpenAPI document (with the
 * problem answers every operation shares) and the relay of upstream's answer. Knows no
 * feature, security or audit.
 */
@NullMarked
package dev.secgroup.gateway.web;

import org.jspecify.annotations.NullMarked;
