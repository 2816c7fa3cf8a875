package dev.secgroup.gateway.web;

import java.io.IOException;

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
 * Refuses request bodies over {@code gateway.http.max-body-size} (64 KiB): at once when
 * the declared length is too large, else while reading (chunked bodies), so no large body
 * is ever buffered. Both give 413 problem+json.
 * <p>
 * Runs after Spring Security's filter chain ({@link FilterOrder}): a caller without valid
 * credentials gets 401 before its body is considered, and a 413 is audited with the
 * client that sent it.
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

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

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
