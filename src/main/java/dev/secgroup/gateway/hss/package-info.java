/**
 * HSS v5 "Creating a Security Group Policy" (cloud native network model), mirrored on
 * upstream's method and path: the request records state the contract (Bean Validation,
 * from which the OpenAPI schema is derived), the controller validates and relays, the
 * client describes the upstream call.
 */
@NullMarked
package dev.secgroup.gateway.hss;

import org.jspecify.annotations.NullMarked;
