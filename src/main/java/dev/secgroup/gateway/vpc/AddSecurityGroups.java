package dev.secgroup.gateway.vpc;

import dev.secgroup.gateway.call.MirroredOperation;

/**
 * VPC v3 "Adding a Security Group to the Security Group List of a Port": the one
 * declaration of the operation, read by the controller's mapping, the client, security,
 * audit, metrics and the OpenAPI document.
 */
final class AddSecurityGroups {

	/** Its path, on the gateway and on VPC alike (a constant: mappings need one). */
	static final String PATH = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	/** PUT: idempotent, so every transient failure is retried. */
	static final MirroredOperation OPERATION = MirroredOperation.put("vpc:AddSecurityGroups", PATH, "vpc");

	private AddSecurityGroups() {
	}

}
