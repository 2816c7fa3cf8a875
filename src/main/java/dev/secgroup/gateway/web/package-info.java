/**
 * What every mirrored operation shares at the HTTP edge: problem+json answers and their
 * error codes, request ids, strict JSON, the body limit, path rules, the OpenAPI document
 * and the relay of upstream's answer. Knows no feature, security or audit.
 */
@NullMarked
package dev.secgroup.gateway.web;

import org.jspecify.annotations.NullMarked;
