package dev.secgroup.gateway.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The answer of a keyed call, kept to be replayed byte for byte.
 *
 * @param status HTTP status answered
 * @param contentType its {@code Content-Type}, or {@code null} for an empty body
 * @param upstreamRequestId upstream's request id header ({@code X-Upstream-Request-Id}),
 * or {@code null}
 * @param errorCode the {@code error_code} answered, or {@code null} for a success
 * @param requestId the gateway's request id of the call that produced it
 * @param body the exact bytes answered
 */
record StoredAnswer(int status, @Nullable String contentType, @Nullable String upstreamRequestId,
		@Nullable String errorCode, String requestId, byte @Nullable [] body) {

	StoredAnswer {
		body = body == null ? new byte[0] : body;
	}

	@Override
	public String toString() {
		return "StoredAnswer[status=" + status + ", request_id=" + requestId + ", bytes=" + body.length + "]";
	}

}
