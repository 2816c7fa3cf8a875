package dev.secgroup.gateway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Recognises a presented API key as its client's, or refuses it. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

	private final ClientGrants clients;

	ApiKeyAuthenticationProvider(ClientGrants clients) {
		this.clients = clients;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String key = (String) authentication.getCredentials();
		return clients.clientWithKey(key == null ? "" : key)
			.map(ApiKeyAuthentication::of)
			.orElseThrow(() -> new BadCredentialsException("The API key is not valid."));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiKeyAuthentication.class.isAssignableFrom(authentication);
	}

}
