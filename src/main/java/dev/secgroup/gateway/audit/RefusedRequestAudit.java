package dev.secgroup.gateway.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.web.RefusedRequestListener;

/**
 * Records the calls of mirrored operations that the server refused before any filter ran
 * (security review A20): a malformed URI, headers over the limit, an unsupported HTTP
 * version. Nothing was sent upstream; the event says so ({@code attempts} 0) and carries
 * what could be read of the request, without a client (none was authenticated).
 */
final class RefusedRequestAudit implements RefusedRequestListener {

	private static final Logger log = LoggerFactory.getLogger(RefusedRequestAudit.class);

	private final AuditSink sink;

	private final AuditMetrics metrics;

	RefusedRequestAudit(AuditSink sink, AuditMetrics metrics) {
		this.sink = sink;
		this.metrics = metrics;
	}

	@Override
	public void refused(CallContext call, int status) {
		if (!call.isMirroredCall()) {
			return;
		}
		AuditEvent event = AuditEvents.of(call, status, System.nanoTime());
		try {
			sink.write(event);
			metrics.written(event);
		}
		catch (RuntimeException ex) {
			// The answer is a refusal already: nothing acted, so it is not withheld.
			metrics.failed(event.operation());
			log.error("Audit event of refused request {} could not be written", call.requestId(), ex);
		}
	}

}
