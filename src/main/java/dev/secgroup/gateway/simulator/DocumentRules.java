package dev.secgroup.gateway.simulator;

import java.util.regex.Pattern;

/**
 * The simulator's own reading of the bounds the upstream documents state, each once. Not
 * shared with the gateway on purpose (see the package description):
 * {@code SimulatorAgreesWithGatewayTest} keeps the two readings in agreement.
 */
final class DocumentRules {

	/**
	 * Security group ids (VPC, HSS) and names (HSS): 1-64 letters, digits, '-' or '_';
	 * ids are UUIDs.
	 */
	static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** HSS {@code security_group_description}: at most 256 characters. */
	static final int MAX_DESCRIPTION = 256;

	/** HSS {@code project_id} and {@code enterprise_project_id}: 1-256 characters. */
	static final int MAX_PROJECT_ID = 256;

	private DocumentRules() {
	}

}
