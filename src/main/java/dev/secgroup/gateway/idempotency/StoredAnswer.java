package dev.secgroup.gateway.idempotency;

import org.jspecify.annotations.Nullable;

/**
 * The answer of a keyed call, kept to be replayed byte for byte; or, when its body is
 * larger than {@code gateway.idempotency.max-stored-body-size}, kept without its body
 * ({@link #withBodyAtMost}): status and headers only, and the size of the body not kept.
 *
 * @param status HTTP status answered
 * @param contentType its {@code Content-Type}, or {@code null} for an empty body
 * @param upstreamRequestId upstream's request id header ({@code X-Upstream-Request-Id}),
 * or {@code null}
 * @param errorCode the {@code error_code} answered, or {@code null} for a success
 * @param requestId the gateway's request id of the call that produced it
 * @param body the exact bytes answered; empty when they were not kept
 * @param omittedBodyBytes the size of the body answered but not kept (too large), or
 * {@code 0} when the body is kept
 */
record StoredAnswer(int status, @Nullable String contentType, @Nullable String upstreamRequestId,
		@Nullable String errorCode, String requestId, byte @Nullable [] body, int omittedBodyBytes) {

	StoredAnswer {
		body = body == null ? new byte[0] : body;
		if (omittedBodyBytes < 0 || (omittedBodyBytes > 0 && body.length > 0)) {
			throw new IllegalArgumentException("a body is either kept or omitted: " + omittedBodyBytes);
		}
	}

	/** An answer kept whole. */
	StoredAnswer(int status, @Nullable String contentType, @Nullable String upstreamRequestId,
			@Nullable String errorCode, String requestId, byte @Nullable [] body) {
		this(status, contentType, upstreamRequestId, errorCode, requestId, body, 0);
	}

	/**
	 * This answer as it is kept: whole, or without its body when the body has more than
	 * {@code maxBodyBytes} bytes.
	 */
	StoredAnswer withBodyAtMost(long maxBodyBytes) {
		if (body.length <= maxBodyBytes) {
			return this;
		}
		return new StoredAnswer(status, contentType, upstreamRequestId, errorCode, requestId, null, body.length);
	}

	/** Whether the body was answered but not kept. */
	boolean bodyOmitted() {
		return omittedBodyBytes > 0;
	}

	@Override
	public String toString() {
		return "StoredAnswer[status=" + status + ", request_id=" + requestId + ", bytes=" + body.length
				+ (bodyOmitted() ? ", omitted=" + omittedBodyBytes : "") + "]";
	}

}
