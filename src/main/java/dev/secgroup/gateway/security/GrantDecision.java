package dev.secgroup.gateway.security;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * An authorization decision on a call of a mirrored operation that says, when it refuses,
 * what was refused: the 403 problem names it.
 */
final class GrantDecision extends AuthorizationDecision {

	private final String client;

	private final String operation;

	private final String projectId;

	private final String reason;

	private GrantDecision(boolean granted, String client, String operation, String projectId, String reason) {
		super(granted);
		this.client = client;
		this.operation = operation;
		this.projectId = projectId;
		this.reason = reason;
	}

	static GrantDecision granted(String client, String operation, String projectId) {
		return new GrantDecision(true, client, operation, projectId, null);
	}

	static GrantDecision refused(String client, String operation, String projectId, String reason) {
		return new GrantDecision(false, client, operation, projectId, reason);
	}

	String client() {
		return client;
	}

	String operation() {
		return operation;
	}

	String projectId() {
		return projectId;
	}

	/** Why the call was refused, for the caller. */
	String reason() {
		return reason;
	}

}
