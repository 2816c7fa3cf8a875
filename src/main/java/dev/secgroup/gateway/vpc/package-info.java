/**
 * VPC v3 "Adding a Security Group to the Security Group List of a Port", mirrored on
 * upstream's method and path: the request records state the contract (Bean Validation,
 * from which the OpenAPI schema is derived), the controller validates and relays, the
 * client describes the upstream call.
 */
@NullMarked
package dev.secgroup.gateway.vpc;

import org.jspecify.annotations.NullMarked;
