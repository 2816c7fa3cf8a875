package dev.secgroup.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for missing or bad credentials, as problem+json like every other error, with the
 * {@code WWW-Authenticate} challenge of the mode. In {@code jwt} mode the challenge is
 * Spring Security's RFC 6750 one
 * ({@code Bearer error="invalid_token", error_description=...}). Nothing the caller sent
 * is repeated.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "secgroup-gateway";

	private final SecurityMode mode;

	private final ProblemWriter problems;

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	ProblemAuthenticationEntryPoint(SecurityMode mode, ProblemWriter problems) {
		this.mode = mode;
		this.problems = problems;
		bearer.setRealmName(REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		String detail;
		if (mode == SecurityMode.JWT) {
			bearer.commence(request, response, failure);
			detail = hasCredentials(request, HttpHeaders.AUTHORIZATION)
					? "The bearer token is not valid (signature, expiry, issuer or audience); see WWW-Authenticate."
					: "Authentication required: send a JWT as 'Authorization: Bearer <token>'.";
		}
		else {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"ApiKey realm=\"" + REALM + "\", header=\"" + ApiKeyAuthentication.HEADER + "\"");
			detail = hasCredentials(request, ApiKeyAuthentication.HEADER) ? "The API key is not valid."
					: "Authentication required: send the client's API key in the " + ApiKeyAuthentication.HEADER
							+ " header.";
		}
		problems.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, detail);
	}

	private static boolean hasCredentials(HttpServletRequest request, String header) {
		return request.getHeader(header) != null;
	}

}
