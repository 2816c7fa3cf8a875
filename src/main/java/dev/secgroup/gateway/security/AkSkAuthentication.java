package dev.secgroup.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A client recognised by a valid {@code SDK-HMAC-SHA256} signature with its
 * gateway-issued access key. Holds no credentials: the signature was checked once.
 */
final class AkSkAuthentication extends AbstractAuthenticationToken {

	private final String client;

	private final String accessKey;

	AkSkAuthentication(String client, String accessKey) {
		super(List.of());
		this.client = client;
		this.accessKey = accessKey;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return client;
	}

	/** The access key the request was signed with (an identifier, not a secret). */
	String accessKey() {
		return accessKey;
	}

	@Override
	public String toString() {
		return "AkSkAuthentication[client=" + client + ", accessKey=" + accessKey + "]";
	}

}
