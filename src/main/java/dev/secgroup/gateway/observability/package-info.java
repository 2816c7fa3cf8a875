/**
 * What an on-call engineer reads the gateway by: low-cardinality names for the HTTP
 * server and client metrics, the access log, the readiness contributor, and trace and
 * request ids on reactor threads. Nothing here is called by the features; it observes
 * them through Spring and Micrometer.
 */
@NullMarked
package dev.secgroup.gateway.observability;

import org.jspecify.annotations.NullMarked;
