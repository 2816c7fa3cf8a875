package dev.secgroup.gateway.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.call.FilterOrder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the request body before anything can read it: a declared {@code Content-Length}
 * over {@code gateway.http.max-body-size} (64 KiB) is refused 413 at once, a multipart
 * body 415 at once, and any other body (chunked included) is limited while it is read,
 * through {@code getInputStream()} and {@code getReader()} alike. All answers are
 * problem+json.
 * <p>
 * Runs before Spring Security's filter chain but after the audit filter
 * ({@link FilterOrder}): refusing a declared oversize or a multipart body needs no
 * credentials and reads nothing, so it is safe before authentication, and such a refusal
 * of a mirrored path is still audited. Authentication itself never reads the body, so a
 * stranger's body is not read at all (401).
 */
@Component
@Order(FilterOrder.BODY_SIZE_LIMIT)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final ProblemWriter problems;

	BodySizeLimitFilter(@Value("${gateway.http.max-body-size:64KB}") DataSize limit, ProblemWriter problems) {
		this.limit = limit.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isMultipart(request)) {
			// Nothing in the API takes multipart; refusing it here keeps any parser away.
			response.setHeader("Connection", "close");
			problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
					"Multipart request bodies are not accepted; send application/json.");
			return;
		}
		if (request.getContentLengthLong() > limit) {
			// The body is not read: tell the client not to reuse the connection for more
			// data.
			response.setHeader("Connection", "close");
			problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
					"The request body exceeds " + limit + " bytes.");
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		private BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new LimitedInputStream(super.getInputStream(), limit);
			}
			return stream;
		}

		/** The same limited stream, decoded: a reader must not bypass the limit. */
		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				reader = new BufferedReader(new InputStreamReader(getInputStream(), charset()));
			}
			return reader;
		}

		private Charset charset() throws UnsupportedEncodingException {
			String name = getCharacterEncoding();
			if (name == null) {
				return StandardCharsets.UTF_8;
			}
			try {
				return Charset.forName(name);
			}
			catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
				throw new UnsupportedEncodingException(name);
			}
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > limit) {
				throw new PayloadTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
