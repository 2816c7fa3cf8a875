package dev.secgroup.gateway.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.upstream.UpstreamErrorException;
import dev.secgroup.gateway.upstream.UpstreamException;
import dev.secgroup.gateway.upstream.UpstreamResponse;
import dev.secgroup.gateway.web.MirroredOperation;
import dev.secgroup.gateway.web.MirroredOperations;

/**
 * What is known so far about one call of a mirrored endpoint, filled in by whoever learns
 * it: the audit filter (arrival, operation, path values, answer), security (the client),
 * the controller (body values, upstream's outcome). It lives in a request attribute for
 * the whole call, across the async dispatch of a reactive result, and becomes exactly one
 * {@link AuditEvent}.
 * <p>
 * Thread-safe: upstream's outcome is recorded on a reactor thread, the event made on a
 * servlet thread. Caller-supplied strings are kept to {@value #MAX_TEXT} characters so
 * that an event stays one collectable log line however long a rejected value was.
 */
public final class AuditRecord {

	static final String ATTRIBUTE = AuditRecord.class.getName();

	static final int MAX_TEXT = 256;

	private static final String TRUNCATED = "...[truncated]";

	private final Instant time;

	private final long startNanos;

	private final String requestId;

	private final String traceId;

	private final String sourceAddress;

	private final String operation;

	private final String projectId;

	private final Map<String, String> target = new LinkedHashMap<>();

	private String client;

	private List<String> securityGroupIds;

	private Boolean dryRun;

	private Integer upstreamStatus;

	private String upstreamRequestId;

	private int attempts;

	AuditRecord(Instant time, long startNanos, String requestId, String traceId, String sourceAddress,
			MirroredOperations.Call call) {
		this.time = time.truncatedTo(ChronoUnit.MILLIS);
		this.startNanos = startNanos;
		this.requestId = requestId;
		this.traceId = traceId;
		this.sourceAddress = sourceAddress;
		this.operation = call != null ? call.operation().name() : null;
		this.projectId = call != null ? bounded(call.projectId()) : null;
		if (call != null) {
			call.variables().forEach((name, value) -> {
				if (!MirroredOperation.PROJECT_ID.equals(name)) {
					target.put(name, bounded(value));
				}
			});
		}
	}

	/**
	 * The record of the call this request makes. A request that is not a call of a
	 * mirrored endpoint gets a detached record: it may be filled in, and is never
	 * written.
	 */
	public static AuditRecord of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof AuditRecord record) {
			return record;
		}
		return new AuditRecord(Instant.now(), System.nanoTime(), null, null, null, null);
	}

	/** The authenticated client's name. */
	public synchronized AuditRecord client(String name) {
		this.client = bounded(name);
		return this;
	}

	/**
	 * One more thing the call acts on (a workload, a policy name...); {@code null} values
	 * are left out.
	 */
	public synchronized AuditRecord target(String name, String value) {
		if (value != null) {
			target.put(name, bounded(value));
		}
		return this;
	}

	/** The security groups the call attaches. */
	public synchronized AuditRecord securityGroupIds(List<String> ids) {
		this.securityGroupIds = ids == null ? null : ids.stream().map(AuditRecord::bounded).toList();
		return this;
	}

	/** Whether the call only checks ({@code dry_run}). */
	public synchronized AuditRecord dryRun(boolean dryRun) {
		this.dryRun = dryRun;
		return this;
	}

	/**
	 * Records upstream's outcome of {@code call} (status, request id, attempts), success
	 * or failure, as it completes; the call itself is unchanged.
	 */
	public Mono<UpstreamResponse> upstreamCall(Mono<UpstreamResponse> call) {
		return call.doOnNext(this::upstreamAnswered).doOnError(UpstreamException.class, this::upstreamFailed);
	}

	synchronized void upstreamAnswered(UpstreamResponse response) {
		this.upstreamStatus = response.status();
		this.upstreamRequestId = bounded(response.upstreamRequestId());
		this.attempts = response.attempts();
	}

	synchronized void upstreamFailed(UpstreamException failure) {
		this.attempts = failure.attempts();
		if (failure instanceof UpstreamErrorException error) {
			this.upstreamStatus = error.response().status();
			this.upstreamRequestId = bounded(error.error().requestId());
		}
	}

	String requestId() {
		return requestId;
	}

	/**
	 * The event of this call, answered with {@code status} and, for an error,
	 * {@code errorCode}.
	 */
	synchronized AuditEvent toEvent(int status, String errorCode, long nowNanos) {
		return new AuditEvent(AuditEvent.TYPE, AuditEvent.SCHEMA, time, requestId, traceId, client, sourceAddress,
				operation, projectId, Collections.unmodifiableMap(new LinkedHashMap<>(target)), securityGroupIds,
				dryRun, status, upstreamStatus, upstreamRequestId, errorCode, attempts,
				(nowNanos - startNanos) / 1_000_000);
	}

	static String bounded(String value) {
		if (value == null || value.length() <= MAX_TEXT) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
		return value.substring(0, end) + TRUNCATED;
	}

}
