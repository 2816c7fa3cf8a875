package dev.secgroup.gateway.call;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The facts about one request, gathered by the steps it passes and read by the steps that
 * report it: the one place to look for "where does this member of the audit line, the
 * access log or a metric come from?".
 * <p>
 * Created once per request by {@link CallContextFilter}, which decides which mirrored
 * operation (if any) the request calls; it lives in a single request attribute owned by
 * {@link #of(HttpServletRequest)}. Who writes what:
 * <ul>
 * <li>{@link CallContextFilter}: request id, the caller's request id, arrival time,
 * source address, trace id, operation and its path values;</li>
 * <li>security ({@code AuditedClientFilter}): the authenticated client;</li>
 * <li>the controller: what the body acts on ({@link #target(AuditTarget)});</li>
 * <li>the upstream relay: upstream's status, request id and the attempts made;</li>
 * <li>the quotas: time waited in line and what throttling did to the call;</li>
 * <li>the problem writer: the {@code error_code} answered.</li>
 * </ul>
 * Who reads: security (which operation, which project), the access log and
 * {@code http.server.requests} (route, client), and audit, which makes its event from
 * this context in one place ({@code AuditEvents}).
 * <p>
 * <b>Adding a fact.</b> A new step that learns something about the call writes it here:
 * <ol>
 * <li>if a report (the audit event, the access log, a metric) shows it, add a field with
 * a setter and a getter below, set it where the fact is learned, and read it where the
 * report is made (for audit: one line in {@code AuditEvents} and one member of
 * {@code AuditEvent});</li>
 * <li>if only later steps of the same call need it, declare a {@link Fact} constant in
 * your own package and use {@link #put(Fact, Object)} and {@link #get(Fact)}: nothing
 * here changes.</li>
 * </ol>
 * Never put a secret here: reports read every member.
 * <p>
 * Thread-safe, so that a step may record from another thread (e.g. a reactor thread).
 * Values are kept as given; reports bound their length.
 */
public final class CallContext {

	/** Logging MDC key of the request id: {@code request_id} in every log line. */
	public static final String MDC_REQUEST_ID = "request_id";

	/**
	 * Logging MDC key of the caller's own request id, when it sent a well-formed
	 * {@code X-Request-Id}.
	 */
	public static final String MDC_CLIENT_REQUEST_ID = "client_request_id";

	private static final String ATTRIBUTE = CallContext.class.getName();

	private final String requestId;

	private final @Nullable String clientRequestId;

	private final Instant time;

	private final long startNanos;

	private final @Nullable String sourceAddress;

	private final @Nullable String traceId;

	private final @Nullable MirroredOperation operation;

	private final Map<String, String> variables;

	private final Map<String, String> target = new LinkedHashMap<>();

	private final Map<Fact<?>, Object> facts = new LinkedHashMap<>();

	private @Nullable String client;

	private @Nullable List<String> securityGroupIds;

	private @Nullable Boolean dryRun;

	private @Nullable Integer upstreamStatus;

	private @Nullable String upstreamRequestId;

	private int attempts;

	private @Nullable String errorCode;

	private @Nullable String replayedFrom;

	private @Nullable Long quotaWaitMillis;

	private @Nullable QuotaOutcome quotaOutcome;

	CallContext(String requestId, @Nullable String clientRequestId, Instant time, long startNanos,
			@Nullable String sourceAddress, @Nullable String traceId, MirroredOperations.@Nullable Call call) {
		this.requestId = requestId;
		this.clientRequestId = clientRequestId;
		this.time = time.truncatedTo(ChronoUnit.MILLIS);
		this.startNanos = startNanos;
		this.sourceAddress = sourceAddress;
		this.traceId = traceId;
		this.operation = call != null ? call.operation() : null;
		this.variables = call != null ? call.variables() : Map.of();
	}

	/**
	 * The context of this request. A request that did not pass {@link CallContextFilter}
	 * (the container's own error handling) gets one here, with a new request id and no
	 * operation.
	 */
	public static CallContext of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof CallContext context) {
			return context;
		}
		CallContext detached = new CallContext(CallContextFilter.newRequestId(), null, Instant.now(), System.nanoTime(),
				request.getRemoteAddr(), null, null);
		detached.attach(request);
		return detached;
	}

	/**
	 * The context of a request the server refused before any filter ran (Tomcat: a
	 * malformed or oversized request; see {@code ProblemErrorReportValve}): a new request
	 * id, the caller's id, and the mirrored operation its method and path call, if any.
	 * {@code null} when the request did pass {@link CallContextFilter}: it is reported
	 * there.
	 */
	public static @Nullable CallContext ofRefusedBeforeFilters(HttpServletRequest request,
			MirroredOperations operations) {
		if (request.getAttribute(ATTRIBUTE) instanceof CallContext) {
			return null;
		}
		MirroredOperations.Call call = request.getMethod() != null && request.getRequestURI() != null
				? operations.match(request).orElse(null) : null;
		CallContext refused = new CallContext(CallContextFilter.newRequestId(),
				CallContextFilter.wellFormed(request.getHeader(CallContextFilter.HEADER)), Instant.now(),
				System.nanoTime(), request.getRemoteAddr(), null, call);
		refused.attach(request);
		return refused;
	}

	void attach(HttpServletRequest request) {
		request.setAttribute(ATTRIBUTE, this);
	}

	/**
	 * The gateway's own request id ({@code X-Request-Id} of the answer and upstream's
	 * request), also in every log line: always made by the gateway.
	 */
	public String requestId() {
		return requestId;
	}

	/**
	 * The {@code X-Request-Id} the caller sent, when well-formed: recorded, never used as
	 * the gateway's id.
	 */
	public @Nullable String clientRequestId() {
		return clientRequestId;
	}

	/** When the gateway received the request, to the millisecond. */
	public Instant time() {
		return time;
	}

	/** Milliseconds since the gateway received the request. */
	public long elapsedMillis(long nowNanos) {
		return (nowNanos - startNanos) / 1_000_000;
	}

	/** The network address the request came from. */
	public @Nullable String sourceAddress() {
		return sourceAddress;
	}

	/** The W3C trace id of the request's server span, if it is traced. */
	public @Nullable String traceId() {
		return traceId;
	}

	/** Whether the request calls a mirrored operation. */
	public boolean isMirroredCall() {
		return operation != null;
	}

	/** The mirrored operation called; {@code null} for any other request. */
	public @Nullable MirroredOperation operation() {
		return operation;
	}

	/** The path values of the operation's template, decoded, as sent, in path order. */
	public Map<String, String> variables() {
		return variables;
	}

	/** The project the call acts on ({@code project_id} of the path), as sent. */
	public @Nullable String projectId() {
		return variables.get(MirroredOperation.PROJECT_ID);
	}

	/** Records the authenticated client's name. */
	public synchronized void client(String name) {
		this.client = name;
	}

	/** The authenticated client's name; {@code null} when none was established. */
	public synchronized @Nullable String client() {
		return client;
	}

	/** Records what a valid body says the call acts on. */
	public synchronized CallContext target(AuditTarget body) {
		body.auditTarget().forEach(this::target);
		List<String> ids = body.auditSecurityGroupIds();
		this.securityGroupIds = ids == null ? null : List.copyOf(ids);
		this.dryRun = body.auditDryRun();
		return this;
	}

	/**
	 * Records one more thing the call acts on (e.g. a query parameter); a {@code null}
	 * value is left out.
	 */
	public synchronized CallContext target(String name, @Nullable String value) {
		if (value != null) {
			target.put(name, value);
		}
		return this;
	}

	/** What the call acts on beyond its path values, in the order recorded. */
	public synchronized Map<String, String> target() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(target));
	}

	/** The security groups of a valid body; {@code null} before (or without) one. */
	public synchronized @Nullable List<String> securityGroupIds() {
		return securityGroupIds;
	}

	/** {@code dry_run} of a valid body that has it; {@code null} otherwise. */
	public synchronized @Nullable Boolean dryRun() {
		return dryRun;
	}

	/** Records upstream's final answer and the attempts it took. */
	public synchronized void upstreamAnswered(int status, @Nullable String upstreamRequestId, int attempts) {
		this.upstreamStatus = status;
		this.upstreamRequestId = upstreamRequestId;
		this.attempts = attempts;
	}

	/**
	 * Records a failed upstream call: the attempts made and, when upstream answered, its
	 * status and request id.
	 */
	public synchronized void upstreamFailed(int attempts, @Nullable Integer status,
			@Nullable String upstreamRequestId) {
		this.attempts = attempts;
		if (status != null) {
			this.upstreamStatus = status;
			this.upstreamRequestId = upstreamRequestId;
		}
	}

	/** Upstream's last status; {@code null} when it did not answer. */
	public synchronized @Nullable Integer upstreamStatus() {
		return upstreamStatus;
	}

	/** Upstream's request id, when it answered with one. */
	public synchronized @Nullable String upstreamRequestId() {
		return upstreamRequestId;
	}

	/** Upstream attempts made, the first included (0: upstream not called). */
	public synchronized int attempts() {
		return attempts;
	}

	/** Records the {@code error_code} of the problem the request is answered with. */
	public synchronized void errorCode(String errorCode) {
		this.errorCode = errorCode;
	}

	/** The {@code error_code} answered last; {@code null} when no problem was made. */
	public synchronized @Nullable String errorCode() {
		return errorCode;
	}

	/**
	 * Records that the call was answered with the kept answer of an earlier call with the
	 * same {@code Idempotency-Key}, without calling upstream.
	 * @param originalRequestId the request id of the call that produced the answer
	 */
	public synchronized void replayed(String originalRequestId) {
		this.replayedFrom = originalRequestId;
	}

	/**
	 * The request id of the earlier call whose kept answer this call replayed;
	 * {@code null} when it was not a replay.
	 */
	public synchronized @Nullable String replayedFrom() {
		return replayedFrom;
	}

	/**
	 * Records one turn taken (or refused) in a quota: the time waited for it adds up over
	 * the call's attempts, and a refusal outranks a wait.
	 * @param waitedMillis milliseconds waited in line for the turn (0: none)
	 * @param outcome what throttling did to the call; {@code null} when it was sent at
	 * once
	 */
	public synchronized void quotaTurn(long waitedMillis, @Nullable QuotaOutcome outcome) {
		this.quotaWaitMillis = (quotaWaitMillis != null ? quotaWaitMillis : 0) + waitedMillis;
		if (outcome != null && (quotaOutcome == null || quotaOutcome == QuotaOutcome.WAITED)) {
			this.quotaOutcome = outcome;
		}
	}

	/**
	 * Milliseconds the call waited in line in an upstream's quota, over all its attempts;
	 * {@code null} when no quota applied to it.
	 */
	public synchronized @Nullable Long quotaWaitMillis() {
		return quotaWaitMillis;
	}

	/** What throttling did to the call; {@code null} when it was not throttled. */
	public synchronized @Nullable QuotaOutcome quotaOutcome() {
		return quotaOutcome;
	}

	/** Records a fact of a later step (see "Adding a fact" above). */
	public synchronized <T> void put(Fact<T> fact, T value) {
		facts.put(fact, value);
	}

	/** A fact recorded by an earlier step; {@code null} when none was. */
	public synchronized <T> @Nullable T get(Fact<T> fact) {
		return fact.type().cast(facts.get(fact));
	}

	/**
	 * A named, typed fact that a step records for later steps of the same call. Declare
	 * one constant per fact; facts are told apart by identity.
	 *
	 * @param <T> the type of its value
	 * @param name what it is, for debugging
	 * @param type the type of its value
	 */
	public record Fact<T>(String name, Class<T> type) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
