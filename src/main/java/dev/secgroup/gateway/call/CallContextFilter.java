package dev.secgroup.gateway.call;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts the {@link CallContext} of every request: gives it the gateway's own id (a new
 * UUID, never the caller's, so that no caller can reuse another call's id in the audit
 * trail or upstream), returned on the response, put in the logging MDC and sent upstream;
 * keeps the caller's well-formed {@code X-Request-Id} apart as its client request id, so
 * that a call can still be found by the id its caller knows; and decides, once, which
 * mirrored operation it calls. Runs inside Spring's server observation, so that the
 * context also knows the trace.
 */
@Component
@Order(FilterOrder.CALL_CONTEXT)
class CallContextFilter extends OncePerRequestFilter {

	/** The request id header, read from callers and set on every answer. */
	static final String HEADER = "X-Request-Id";

	/** Printable, bounded, no separators: safe in headers, logs and audit lines. */
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

	private final MirroredOperations operations;

	private final Clock clock;

	private final Tracer tracer;

	CallContextFilter(MirroredOperations operations, Clock clock, ObjectProvider<Tracer> tracer) {
		this.operations = operations;
		this.clock = clock;
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = newRequestId();
		String clientRequestId = wellFormed(request.getHeader(HEADER));
		CallContext context = new CallContext(requestId, clientRequestId, clock.instant(), System.nanoTime(),
				request.getRemoteAddr(), traceId(), operations.match(request).orElse(null));
		context.attach(request);
		response.setHeader(HEADER, requestId);
		MDC.put(CallContext.MDC_REQUEST_ID, requestId);
		if (clientRequestId != null) {
			MDC.put(CallContext.MDC_CLIENT_REQUEST_ID, clientRequestId);
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(CallContext.MDC_REQUEST_ID);
			MDC.remove(CallContext.MDC_CLIENT_REQUEST_ID);
		}
	}

	/**
	 * The trace of this request: the server span of Spring's observation filter, which
	 * runs before this one (the caller's {@code traceparent} trace, or a new one).
	 */
	private @Nullable String traceId() {
		Span span = tracer.currentSpan();
		String traceId = span != null ? span.context().traceId() : null;
		return traceId == null || traceId.isEmpty() ? null : traceId;
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

	/** A new gateway request id. */
	static String newRequestId() {
		return randomUuid();
	}

	/**
	 * The caller's request id when it is safe to record; {@code null} when absent or
	 * malformed.
	 */
	static @Nullable String wellFormed(@Nullable String candidate) {
		return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : null;
	}

}
