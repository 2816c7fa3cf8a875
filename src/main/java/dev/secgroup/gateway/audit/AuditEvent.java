package dev.secgroup.gateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One call of a mirrored endpoint, as the audit trail records it. The JSON form
 * (snake_case members, every member always present, {@code null} when unknown) is a
 * public contract, documented in docs/audit.md; a change to it is a new {@link #SCHEMA}
 * version. Only names and ids: never a credential.
 *
 * @param type always {@code audit}, so that a log pipeline routes audit lines with one
 * filter
 * @param schema version of this schema
 * @param time when the gateway received the call (UTC)
 * @param requestId the gateway's own request id ({@code X-Request-Id} of the answer),
 * never chosen by the caller
 * @param clientRequestId the {@code X-Request-Id} the caller sent, when well-formed
 * ({@code [A-Za-z0-9._:-]{8,128}}); else {@code null}
 * @param traceId W3C trace id of the call (32 hex characters): the caller's
 * {@code traceparent} trace when it sent one, else the one the gateway started; also in
 * every log line of the call and in the {@code traceparent} sent upstream
 * @param client the authenticated client's name; {@code null} when none was established
 * (authentication mode {@code none}, missing or wrong credentials)
 * @param sourceAddress network address the call came from
 * @param operation e.g. {@code vpc:AddSecurityGroups}
 * @param projectId the project in the path, as sent
 * @param target what the call acts on: the path's other values ({@code port_id}, or
 * {@code cluster_id} and {@code namespace}) and, when the body was valid, the workload
 * and policy
 * @param securityGroupIds the security groups of the request when its body was valid,
 * else {@code null}
 * @param dryRun {@code dry_run} of a valid VPC request ({@code false} when absent);
 * {@code null} otherwise
 * @param status HTTP status answered to the caller
 * @param upstreamStatus HTTP status of upstream's last answer; {@code null} when upstream
 * did not answer (not called, unreachable, timed out)
 * @param upstreamRequestId upstream's request id, when it answered with one
 * @param errorCode the {@code error_code} of the problem answered (upstream's or
 * {@code GW.xxxx}); {@code null} for a success
 * @param attempts upstream attempts made, the first included (0 = upstream not called)
 * @param latencyMs milliseconds from receiving the call to writing this event
 * @param replayed whether the call was answered with the kept answer of an earlier call
 * with the same {@code Idempotency-Key}, without calling upstream
 * @param originalRequestId for a replay, the request id of the call whose answer was
 * replayed; else {@code null}
 * @param quotaWaitMs milliseconds the call waited in line in the upstream's quota, over
 * all its attempts; {@code null} when no quota applied (an upstream without one, or a
 * call that never reached upstream)
 * @param quotaOutcome what throttling did to the call: {@code waited},
 * {@code refused_quota}, {@code refused_waiting}, {@code refused_paused} or
 * {@code refused_client_limit}; {@code null} when it was not throttled
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "type", "schema", "time", "request_id", "client_request_id", "trace_id", "client",
		"source_address", "operation", "project_id", "target", "security_group_ids", "dry_run", "status",
		"upstream_status", "upstream_request_id", "error_code", "attempts", "latency_ms", "replayed",
		"original_request_id", "quota_wait_ms", "quota_outcome" })
public record AuditEvent(@JsonProperty("type") String type, @JsonProperty("schema") int schema,
		@JsonProperty("time") Instant time, @JsonProperty("request_id") String requestId,
		@JsonProperty("client_request_id") String clientRequestId, @JsonProperty("trace_id") String traceId,
		@JsonProperty("client") String client, @JsonProperty("source_address") String sourceAddress,
		@JsonProperty("operation") String operation, @JsonProperty("project_id") String projectId,
		@JsonProperty("target") Map<String, String> target,
		@JsonProperty("security_group_ids") List<String> securityGroupIds, @JsonProperty("dry_run") Boolean dryRun,
		@JsonProperty("status") int status, @JsonProperty("upstream_status") Integer upstreamStatus,
		@JsonProperty("upstream_request_id") String upstreamRequestId, @JsonProperty("error_code") String errorCode,
		@JsonProperty("attempts") int attempts, @JsonProperty("latency_ms") long latencyMs,
		@JsonProperty("replayed") boolean replayed, @JsonProperty("original_request_id") String originalRequestId,
		@JsonProperty("quota_wait_ms") Long quotaWaitMs, @JsonProperty("quota_outcome") String quotaOutcome) {

	/** Value of {@code type}. */
	public static final String TYPE = "audit";

	/** Current version of this schema. */
	public static final int SCHEMA = 3;

}
