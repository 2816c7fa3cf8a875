package dev.secgroup.gateway.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when well-formed (so one
 * id follows a call across services), else a new UUID. Returned on every response,
 * logged, sent upstream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	/** Printable, bounded, no separators: safe in headers, logs and audit lines. */
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An async dispatch (Mono results) passes here again: keep the id given on the
		// first pass.
		String requestId = request.getAttribute(RequestIds.ATTRIBUTE) instanceof String given ? given
				: accepted(request.getHeader(HEADER));
		request.setAttribute(RequestIds.ATTRIBUTE, requestId);
		response.setHeader(HEADER, requestId);
		MDC.put(RequestIds.MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/**
	 * A version 4 UUID; request ids need uniqueness, not SecureRandom's cost on every
	 * request.
	 */
	private static String randomUuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(most, least).toString();
	}

	static String accepted(String candidate) {
		return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : randomUuid();
	}

}
