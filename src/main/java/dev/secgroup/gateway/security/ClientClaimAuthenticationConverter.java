package dev.secgroup.gateway.security;

import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated token is its client: the one named by the configured claim
 * ({@code gateway.security.jwt.client-claim}, default {@code sub}). Grants come from the
 * client list, not from token scopes, so the token carries no authorities here.
 */
final class ClientClaimAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String claim;

	ClientClaimAuthenticationConverter(String claim) {
		this.claim = claim;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String client = jwt.getClaimAsString(claim);
		if (client == null || client.isBlank()) {
			throw new InvalidBearerTokenException("The token has no '" + claim + "' claim naming the client.");
		}
		return new JwtAuthenticationToken(jwt, List.of(), client);
	}

}
