package dev.secgroup.gateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier.Outcome;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier.ReceivedRequest;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier.Verification;
import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code aksk} mode: authenticates a request signed with {@code SDK-HMAC-SHA256} by a
 * gateway-issued access key, exactly as Huawei's API gateway checks the official SDKs'
 * signatures ({@link SdkHmacSha256Verifier}): method, raw path, sorted query, the signed
 * headers and the SHA-256 of the body as received.
 * <p>
 * The body is part of the signature, so it is read here, once, bounded by
 * {@code gateway.http.max-body-size} (413 beyond it, before any check), and the request
 * handed on replays those same bytes: what was verified is what Jackson parses. Requests
 * without such a signature pass untouched (other modes, or a 401 further on).
 * <p>
 * Any failure is 401 with Huawei's code ({@link AkSkAuthenticationException}); an unknown
 * access key is answered like a wrong signature. Nothing goes upstream.
 */
final class AkSkAuthenticationFilter extends OncePerRequestFilter {

	/**
	 * Prefix of every Huawei signing algorithm: an {@code SDK-HMAC-SM3} signature is a
	 * signature too, refused as unsupported rather than ignored.
	 */
	static final String SCHEME_PREFIX = "SDK-";

	private final SdkHmacSha256Verifier verifier;

	private final ClientGrants clients;

	private final AuthenticationEntryPoint entryPoint;

	private final ProblemWriter problems;

	private final long maxBodySize;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	AkSkAuthenticationFilter(SdkHmacSha256Verifier verifier, ClientGrants clients, AuthenticationEntryPoint entryPoint,
			ProblemWriter problems, long maxBodySize) {
		this.verifier = verifier;
		this.clients = clients;
		this.entryPoint = entryPoint;
		this.problems = problems;
		this.maxBodySize = maxBodySize;
	}

	/** Whether the request carries a Huawei SDK signature. */
	static boolean carriesSignature(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, SCHEME_PREFIX, 0, SCHEME_PREFIX.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!carriesSignature(request)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getContentLengthLong() > maxBodySize ? null : readBody(request.getInputStream());
		if (body == null) {
			// Not read to its end: the connection cannot carry another request.
			response.setHeader(HttpHeaders.CONNECTION, "close");
			problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
					"The request body exceeds " + maxBodySize + " bytes.");
			return;
		}
		Verification verification = verify(request, body);
		if (!verification.ok()) {
			String code = verification.outcome() == Outcome.DATE_OUT_OF_RANGE
					? AkSkAuthenticationException.DATE_OUT_OF_RANGE
					: AkSkAuthenticationException.INCORRECT_AUTHENTICATION;
			entryPoint.commence(request, response, new AkSkAuthenticationException(code, verification.reason()));
			return;
		}
		String client = clients.clientWithAccessKey(verification.accessKey()).orElseThrow();
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(new AkSkAuthentication(client, verification.accessKey()));
		contexts.setContext(context);
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private Verification verify(HttpServletRequest request, byte[] body) {
		Map<String, List<String>> query;
		try {
			query = SdkHmacSha256Verifier.decodeQuery(request.getQueryString());
		}
		catch (IllegalArgumentException malformed) {
			return new Verification(Outcome.MALFORMED, "malformed query string", null);
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, Collections.list(request.getHeaders(name)));
		}
		String host = request.getHeader(HttpHeaders.HOST);
		if (host == null) {
			host = request.getServerName() + ":" + request.getServerPort();
		}
		return verifier
			.verify(new ReceivedRequest(request.getMethod(), host, request.getRequestURI(), query, headers, body));
	}

	/** The body, or {@code null} if it is longer than the limit. */
	private byte[] readBody(InputStream in) throws IOException {
		byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
		return body.length > maxBodySize ? null : body;
	}

	/** The request, its body replayed from the bytes that were verified. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			return new BytesInputStream(body);
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

	private static final class BytesInputStream extends ServletInputStream {

		private final ByteArrayInputStream bytes;

		BytesInputStream(byte[] body) {
			this.bytes = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return bytes.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return bytes.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return bytes.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException("the body was already read");
		}

	}

}
