package dev.secgroup.gateway.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
 * 401 for missing or bad credentials, as the gateway's problem body like every other
 * error, with a {@code WWW-Authenticate} challenge per configured mode. In {@code jwt}
 * mode the bearer challenge is Spring Security's RFC 6750 one
 * ({@code Bearer error="invalid_token", error_description=...}); a refused
 * {@code SDK-HMAC-SHA256} signature gets Huawei's code ({@code APIGW.0301},
 * {@code APIGW.0303}) so that SDK callers see what Huawei would answer. Nothing the
 * caller sent is repeated.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String REALM = "secgroup-gateway";

	private final List<SecurityMode> modes;

	private final ProblemWriter problems;

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	ProblemAuthenticationEntryPoint(List<SecurityMode> modes, ProblemWriter problems) {
		this.modes = List.copyOf(modes);
		this.problems = problems;
		bearer.setRealmName(REALM);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof AkSkAuthenticationException aksk) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, akskChallenge());
			problems.write(request, response, HttpStatus.UNAUTHORIZED, aksk.errorCode(), aksk.getMessage());
			return;
		}
		if (failure instanceof SingleCredentialFilter.TwoCredentialsException) {
			challengeEveryMode(response);
			problems.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
					failure.getMessage());
			return;
		}
		List<SecurityMode> carried = SingleCredentialFilter.carried(request, modes);
		String detail;
		if (carried.contains(SecurityMode.JWT)) {
			bearer.commence(request, response, failure);
			detail = "The bearer token is not valid (signature, expiry, issuer or audience); see WWW-Authenticate.";
		}
		else if (carried.contains(SecurityMode.API_KEY)) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, apiKeyChallenge());
			detail = "The API key is not valid.";
		}
		else {
			challengeEveryMode(response);
			detail = "Authentication required: send " + String.join(", or ", expected()) + ".";
		}
		problems.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, detail);
	}

	private void challengeEveryMode(HttpServletResponse response) {
		for (SecurityMode mode : modes) {
			switch (mode) {
				case API_KEY -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, apiKeyChallenge());
				case JWT -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
				case AKSK -> response.addHeader(HttpHeaders.WWW_AUTHENTICATE, akskChallenge());
				case NONE -> {
					// Never asked.
				}
			}
		}
	}

	private List<String> expected() {
		List<String> expected = new ArrayList<>();
		for (SecurityMode mode : modes) {
			switch (mode) {
				case API_KEY -> expected.add("the client's API key in the " + ApiKeyAuthentication.HEADER + " header");
				case JWT -> expected.add("a JWT as 'Authorization: Bearer <token>'");
				case AKSK -> expected.add("a request signed with the client's access key (SDK-HMAC-SHA256, as the "
						+ "Huawei Cloud SDKs sign)");
				case NONE -> {
					// Never asked.
				}
			}
		}
		return expected;
	}

	private static String apiKeyChallenge() {
		return "ApiKey realm=\"" + REALM + "\", header=\"" + ApiKeyAuthentication.HEADER + "\"";
	}

	private static String akskChallenge() {
		return "SDK-HMAC-SHA256 realm=\"" + REALM + "\"";
	}

}
