package dev.secgroup.gateway.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.FilterOrder;
import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes exactly one audit event per call of a mirrored operation, whatever answers it: a
 * validation error, Spring Security (401, 403, a rejected URL), the body limit (413), a
 * controller, upstream's error. It runs before everything that may answer, holds the
 * (small) answer in a buffer, writes the event made from the call's context, and only
 * then sends the answer: no call is answered without its event.
 * <p>
 * When the sink fails, the buffered answer is replaced by 500 problem+json unless
 * {@code gateway.audit.fail-closed=false}. While the sink is known to fail, a call is not
 * carried out at all: it is answered 503 problem+json before any other step runs, so
 * nothing is sent upstream; its event is still attempted, and the first one written ends
 * the failure.
 */
@Component
@Order(FilterOrder.AUDIT)
class AuditFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

	private final AuditSink sink;

	private final boolean failClosed;

	private final ProblemWriter problems;

	private final AuditMetrics metrics;

	AuditFilter(AuditSink sink, AuditProperties properties, ProblemWriter problems, AuditMetrics metrics) {
		this.sink = sink;
		this.failClosed = properties.failClosed();
		this.problems = problems;
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallContext call = CallContext.of(request);
		if (!call.isMirroredCall()) {
			chain.doFilter(request, response);
			return;
		}
		ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
		String sinkFailure = failClosed ? sink.failure() : null;
		if (sinkFailure != null) {
			log.debug("Request {} refused: the audit sink fails ({})", call.requestId(), sinkFailure);
			problems.write(request, buffer, HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.AUDIT_UNAVAILABLE,
					"The audit trail cannot record calls right now, so the call was not carried out: nothing was "
							+ "sent upstream. Retry later; quote the request id if this persists.");
			finish(request, call, buffer, true);
			return;
		}
		try {
			chain.doFilter(request, buffer);
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
		finish(request, call, buffer, false);
	}

	/**
	 * Writes the call's event, then sends the buffered answer.
	 * @param refused whether the call was refused because the sink fails: its answer
	 * already says it was not carried out
	 */
	private void finish(HttpServletRequest request, CallContext call, ContentCachingResponseWrapper buffer,
			boolean refused) throws IOException {
		AuditEvent event = AuditEvents.of(call, buffer.getStatus(), System.nanoTime());
		try {
			sink.write(event);
			metrics.written(event);
		}
		catch (RuntimeException ex) {
			metrics.failed(event.operation());
			if (refused) {
				log.debug("Audit event of refused request {} could not be written either", call.requestId());
			}
			else {
				unrecorded(request, buffer, call, ex);
			}
		}
		try {
			buffer.copyBodyToResponse();
		}
		catch (IOException clientGone) {
			// The caller hung up; its call is already recorded with the answer it was
			// given.
			log.debug("Answer to request {} not delivered: {}", call.requestId(), clientGone.toString());
		}
	}

	private void unrecorded(HttpServletRequest request, ContentCachingResponseWrapper buffer, CallContext call,
			RuntimeException failure) throws IOException {
		if (!failClosed || buffer.isCommitted()) {
			log.error("Audit event of request {} could not be written; the call was answered unrecorded",
					call.requestId(), failure);
			return;
		}
		log.error("Audit event of request {} could not be written; the call is answered 500", call.requestId(),
				failure);
		buffer.resetBuffer();
		problems.write(request, buffer, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL,
				"The call could not be recorded in the audit trail, so it is answered as failed. It may have "
						+ "taken effect upstream: check before repeating it, and quote the request id.");
	}

}
