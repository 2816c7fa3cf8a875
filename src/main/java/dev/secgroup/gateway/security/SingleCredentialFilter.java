package dev.secgroup.gateway.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With several modes ({@code gateway.security.mode=api-key,aksk}), a request is
 * authenticated by whichever credential it carries, so it must carry one kind only: one
 * carrying two (an API key and a signature, say) is refused with 401 before any of them
 * is checked, rather than letting the filter order decide which one counts.
 */
final class SingleCredentialFilter extends OncePerRequestFilter {

	private final List<SecurityMode> modes;

	private final AuthenticationEntryPoint entryPoint;

	SingleCredentialFilter(List<SecurityMode> modes, AuthenticationEntryPoint entryPoint) {
		this.modes = List.copyOf(modes);
		this.entryPoint = entryPoint;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<SecurityMode> carried = carried(request, modes);
		if (carried.size() > 1) {
			entryPoint.commence(request, response, new TwoCredentialsException(carried));
			return;
		}
		chain.doFilter(request, response);
	}

	/** The kinds of credential, of the given modes, that the request carries. */
	static List<SecurityMode> carried(HttpServletRequest request, List<SecurityMode> modes) {
		List<SecurityMode> carried = new ArrayList<>();
		List<String> authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		if (modes.contains(SecurityMode.API_KEY) && request.getHeader(ApiKeyAuthentication.HEADER) != null) {
			carried.add(SecurityMode.API_KEY);
		}
		if (modes.contains(SecurityMode.JWT)
				&& authorizations.stream().anyMatch(value -> startsWith(value, "bearer "))) {
			carried.add(SecurityMode.JWT);
		}
		if (modes.contains(SecurityMode.AKSK) && authorizations.stream()
			.anyMatch(value -> startsWith(value, AkSkAuthenticationFilter.SCHEME_PREFIX.toLowerCase(Locale.ROOT)))) {
			carried.add(SecurityMode.AKSK);
		}
		return carried;
	}

	private static boolean startsWith(String value, String lowerCasePrefix) {
		return value.regionMatches(true, 0, lowerCasePrefix, 0, lowerCasePrefix.length());
	}

	/** The request carries credentials of several kinds. */
	static final class TwoCredentialsException extends BadCredentialsException {

		TwoCredentialsException(List<SecurityMode> carried) {
			super("The request carries " + carried.size() + " kinds of credentials ("
					+ String.join(", ", carried.stream().map(SecurityMode::propertyValue).toList())
					+ "): send exactly one.");
		}

	}

}
