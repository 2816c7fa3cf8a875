package dev.secgroup.gateway.credentials;

/**
 * The upstream credentials configuration is wrong or incomplete: the gateway refuses to
 * start rather than fail at the first request. The message names the property and never
 * repeats a secret.
 */
class InvalidCredentialsConfigurationException extends RuntimeException {

	static final String ACTION = "Set gateway.credentials.* as docs/credentials.md describes, e.g. as "
			+ "environment variables (GATEWAY_CREDENTIALS_SECRETKEY...) or as files mounted with "
			+ "spring.config.import=optional:configtree:/etc/secgroup-gateway/";

	InvalidCredentialsConfigurationException(String message) {
		super(message, null, false, false);
	}

}
