package dev.secgroup.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the operator of the management port by the management key in
 * {@value #HEADER}: its SHA-256 must equal {@code gateway.security.management.
 * api-key-sha256}. A client's API key or a bearer token is never a management credential.
 * A wrong key is 401 at once; no key leaves the request anonymous (enough for health and
 * Prometheus). In {@code none} mode nobody is asked, so every request is the operator.
 */
final class ManagementKeyFilter extends OncePerRequestFilter {

	/** Header carrying the management key. */
	static final String HEADER = "X-Management-Key";

	/** The role of the management credential (health details, every other endpoint). */
	static final String ROLE = "MANAGEMENT";

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private final byte[] digest;

	private final boolean everyone;

	private final ProblemWriter problems;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private ManagementKeyFilter(byte[] digest, boolean everyone, ProblemWriter problems) {
		this.digest = digest;
		this.everyone = everyone;
		this.problems = problems;
	}

	/**
	 * @throws InvalidSecurityConfigurationException when the configured hash is not a
	 * SHA-256
	 */
	static ManagementKeyFilter of(SecurityMode mode, GatewaySecurityProperties.Management management,
			ProblemWriter problems) {
		String hash = management.apiKeySha256();
		byte[] digest = null;
		if (hash != null && !hash.isBlank()) {
			if (!SHA256_HEX.matcher(hash).matches()) {
				// Never repeat the value: it may be the key itself, pasted by mistake.
				throw new InvalidSecurityConfigurationException(
						"gateway.security.management.api-key-sha256 must be 64 hexadecimal characters: the SHA-256 "
								+ "of the management key",
						"Configure the hash of the key, never the key: printf %s \"$KEY\" | sha256sum");
			}
			digest = HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT));
		}
		return new ManagementKeyFilter(digest, mode == SecurityMode.NONE, problems);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (everyone || (presented != null && matches(presented))) {
			SecurityContext context = contexts.createEmptyContext();
			context.setAuthentication(operator());
			contexts.setContext(context);
		}
		else if (presented != null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"ApiKey realm=\"" + ProblemAuthenticationEntryPoint.REALM + "\", header=\"" + HEADER + "\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
					"The management key is not valid.");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean matches(String presented) {
		if (digest == null) {
			return false;
		}
		return MessageDigest.isEqual(digest, sha256(presented));
	}

	private static Authentication operator() {
		return UsernamePasswordAuthenticationToken.authenticated("management", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
