package dev.secgroup.gateway.hss;

import dev.secgroup.gateway.call.MirroredOperation;

/**
 * HSS v5 "Creating a Security Group Policy" (cloud native network model): the one
 * declaration of the operation, read by the controller's mapping, the client, security,
 * audit, metrics and the OpenAPI document.
 */
final class CreateSecurityGroupPolicy {

	/** Its path, on the gateway and on HSS alike (a constant: mappings need one). */
	static final String PATH = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

	/**
	 * POST: not idempotent, so it is retried only when HSS surely did not act.
	 */
	static final MirroredOperation OPERATION = MirroredOperation.post("hss:CreateSecurityGroupPolicy", PATH, "hss");

	/** Its query parameter naming the enterprise project. */
	static final String ENTERPRISE_PROJECT_ID = "enterprise_project_id";

	private CreateSecurityGroupPolicy() {
	}

}
