package dev.secgroup.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An API key: as presented (unauthenticated, holding the key until it is checked) or as
 * recognised (authenticated as its client, holding no key at all).
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	/** Header carrying the key. */
	static final String HEADER = "X-Api-Key";

	private final String client;

	private String key;

	private ApiKeyAuthentication(String client, String key) {
		super(List.of());
		this.client = client;
		this.key = key;
		setAuthenticated(client != null);
	}

	static ApiKeyAuthentication presented(String key) {
		return new ApiKeyAuthentication(null, key);
	}

	static ApiKeyAuthentication of(String client) {
		return new ApiKeyAuthentication(client, null);
	}

	@Override
	public Object getCredentials() {
		return key;
	}

	@Override
	public Object getPrincipal() {
		return client;
	}

	@Override
	public void eraseCredentials() {
		key = null;
		super.eraseCredentials();
	}

	@Override
	public String toString() {
		// Framework debug logging prints authentications: never the key.
		return "ApiKeyAuthentication[client=" + client + ", authenticated=" + isAuthenticated() + "]";
	}

}
