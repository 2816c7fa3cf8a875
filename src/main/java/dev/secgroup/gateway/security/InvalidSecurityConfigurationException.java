package dev.secgroup.gateway.security;

/**
 * The security configuration is wrong or unsafe: the gateway refuses to start. The
 * message names the property and never repeats a secret value.
 */
class InvalidSecurityConfigurationException extends RuntimeException {

	private final String action;

	InvalidSecurityConfigurationException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What the operator should do about it. */
	String action() {
		return action;
	}

}
