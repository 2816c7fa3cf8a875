package dev.secgroup.gateway.audit;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.MirroredOperations;
import dev.secgroup.gateway.web.ProblemWriter;
import dev.secgroup.gateway.web.Problems;
import dev.secgroup.gateway.web.RequestIds;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes exactly one audit event per call of a mirrored endpoint, whatever answers it: a
 * validation error, Spring Security (401, 403, a rejected URL), the body limit (413), a
 * controller, upstream's error. It runs right after the request id is assigned and before
 * everything else, holds the (small) answer in a buffer, writes the event, and only then
 * sends the answer: no call is answered without its event. A reactive result is answered
 * on a later async dispatch; the event waits for that final dispatch.
 * <p>
 * When the sink fails, the buffered answer is replaced by 500 problem+json unless
 * {@code gateway.audit.fail-closed=false}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class AuditFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

	private static final String BUFFER = AuditFilter.class.getName() + ".buffer";

	private final MirroredOperations operations;

	private final AuditSink sink;

	private final boolean failClosed;

	private final ProblemWriter problems;

	private final Clock clock;

	private final Tracer tracer;

	private final AuditMetrics metrics;

	AuditFilter(MirroredOperations operations, AuditSink sink, AuditProperties properties, ProblemWriter problems,
			ObjectProvider<Tracer> tracer, MeterRegistry meters) {
		this.operations = operations;
		this.sink = sink;
		this.failClosed = properties.failClosed();
		this.problems = problems;
		this.clock = Clock.systemUTC();
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.metrics = new AuditMetrics(meters, operations.names());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper buffer = isAsyncDispatch(request) ? bufferOf(request) : start(request, response);
		if (buffer == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, isAsyncDispatch(request) ? response : buffer);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Escaped every handler: answer it here, so that the answer and its event
			// agree.
			log.error("Unhandled error", ex);
			if (!buffer.isCommitted()) {
				buffer.resetBuffer();
				problems.write(request, buffer, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL,
						"The gateway failed unexpectedly. Quote the request id when reporting this.");
			}
		}
		if (!request.isAsyncStarted()) {
			finish(request, buffer);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/**
	 * Starts the record of a call of a mirrored endpoint; {@code null} for any other
	 * request.
	 */
	private ContentCachingResponseWrapper start(HttpServletRequest request, HttpServletResponse response) {
		Optional<MirroredOperations.Call> call = operations.match(request);
		if (call.isEmpty()) {
			return null;
		}
		AuditRecord record = new AuditRecord(clock.instant(), System.nanoTime(), RequestIds.of(request), traceId(),
				request.getRemoteAddr(), call.get());
		ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
		request.setAttribute(AuditRecord.ATTRIBUTE, record);
		request.setAttribute(BUFFER, buffer);
		return buffer;
	}

	/**
	 * The trace of this call: the server span of Spring's observation filter, which runs
	 * before this one (the caller's {@code traceparent} trace, or a new one).
	 */
	private String traceId() {
		Span span = tracer.currentSpan();
		String traceId = span != null ? span.context().traceId() : null;
		return traceId == null || traceId.isEmpty() ? null : traceId;
	}

	private static ContentCachingResponseWrapper bufferOf(HttpServletRequest request) {
		return request.getAttribute(BUFFER) instanceof ContentCachingResponseWrapper buffer ? buffer : null;
	}

	private void finish(HttpServletRequest request, ContentCachingResponseWrapper buffer) throws IOException {
		AuditRecord record = (AuditRecord) request.getAttribute(AuditRecord.ATTRIBUTE);
		int status = buffer.getStatus();
		String errorCode = null;
		if (status >= 400) {
			String answered = Problems.errorCodeOf(request);
			errorCode = answered != null ? answered : ErrorCodes.forStatus(status);
		}
		AuditEvent event = record.toEvent(status, errorCode, System.nanoTime());
		try {
			sink.write(event);
			metrics.written(event);
		}
		catch (RuntimeException ex) {
			metrics.failed(event.operation());
			unrecorded(request, buffer, record, ex);
		}
		try {
			buffer.copyBodyToResponse();
		}
		catch (IOException clientGone) {
			// The caller hung up; its call is already recorded with the answer it was
			// given.
			log.debug("Answer to request {} not delivered: {}", record.requestId(), clientGone.toString());
		}
	}

	private void unrecorded(HttpServletRequest request, ContentCachingResponseWrapper buffer, AuditRecord record,
			RuntimeException failure) throws IOException {
		if (!failClosed || buffer.isCommitted()) {
			log.error("Audit event of request {} could not be written; the call was answered unrecorded",
					record.requestId(), failure);
			return;
		}
		log.error("Audit event of request {} could not be written; the call is answered 500", record.requestId(),
				failure);
		buffer.resetBuffer();
		problems.write(request, buffer, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL,
				"The call could not be recorded in the audit trail, so it is answered as failed. It may have "
						+ "taken effect upstream: check before repeating it, and quote the request id.");
	}

}
