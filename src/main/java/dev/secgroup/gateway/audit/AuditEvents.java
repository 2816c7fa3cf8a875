package dev.secgroup.gateway.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.call.QuotaOutcome;
import dev.secgroup.gateway.web.ErrorCodes;

/**
 * Makes the audit event of a call from its {@link CallContext}: the one place where every
 * member of the audit line gets its value. Caller-supplied strings are kept to
 * {@value #MAX_TEXT} characters so that an event stays one collectable log line however
 * long a rejected value was.
 */
final class AuditEvents {

	static final int MAX_TEXT = 256;

	private static final String TRUNCATED = "...[truncated]";

	private AuditEvents() {
	}

	/**
	 * The event of a call of a mirrored operation, answered with {@code status}.
	 * @param call the call's context
	 * @param status the HTTP status answered
	 * @param nowNanos {@link System#nanoTime()} now, for the latency
	 */
	static AuditEvent of(CallContext call, int status, long nowNanos) {
		MirroredOperation operation = call.operation();
		QuotaOutcome quotaOutcome = call.quotaOutcome();
		return new AuditEvent(AuditEvent.TYPE, AuditEvent.SCHEMA, call.time(), call.requestId(), call.clientRequestId(),
				call.traceId(), bounded(call.client()), call.sourceAddress(),
				operation != null ? operation.name() : null, bounded(call.projectId()), target(call),
				bounded(call.securityGroupIds()), call.dryRun(), status, call.upstreamStatus(),
				bounded(call.upstreamRequestId()), errorCode(call, status), call.attempts(),
				call.elapsedMillis(nowNanos), call.replayedFrom() != null, call.replayedFrom(), call.quotaWaitMillis(),
				quotaOutcome != null ? quotaOutcome.auditName() : null);
	}

	/** The path's values but the project, in path order, then what the body named. */
	private static Map<String, String> target(CallContext call) {
		Map<String, String> target = new LinkedHashMap<>();
		call.variables().forEach((name, value) -> {
			if (!MirroredOperation.PROJECT_ID.equals(name)) {
				target.put(name, bounded(value));
			}
		});
		call.target().forEach((name, value) -> target.put(name, bounded(value)));
		return Collections.unmodifiableMap(target);
	}

	/**
	 * The code of the problem answered; for an error answered without one (the
	 * container's), the gateway's code for its status; none for a success.
	 */
	private static String errorCode(CallContext call, int status) {
		if (status < 400) {
			return null;
		}
		String answered = call.errorCode();
		return answered != null ? answered : ErrorCodes.forStatus(status);
	}

	private static List<String> bounded(List<String> values) {
		return values == null ? null : values.stream().map(AuditEvents::bounded).toList();
	}

	static String bounded(String value) {
		if (value == null || value.length() <= MAX_TEXT) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
		return value.substring(0, end) + TRUNCATED;
	}

}
