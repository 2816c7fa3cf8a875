package dev.secgroup.gateway.upstream;

import java.time.Duration;

/**
 * Why one attempt failed, and whether the retry table (docs/architecture.md) allows
 * another one. Lives only inside the adapter: it is turned into an
 * {@link UpstreamException} when attempts end.
 */
final class AttemptFailure extends RuntimeException {

	enum Kind {

		/** No connection was made: upstream surely did not act. */
		CONNECT,
		/**
		 * Upstream answered 429 or 503: it did not act, and may say when to come back.
		 */
		THROTTLED,
		/** Upstream answered 500, 502 or 504: it may have acted. */
		SERVER_ERROR,
		/** No (complete) answer in time: upstream may have acted. */
		TIMEOUT,
		/** The connection broke mid-exchange: upstream may have acted. */
		RESET

	}

	private final Kind kind;

	private final boolean retryable;

	private final Duration retryAfter;

	private final UpstreamResponse response;

	AttemptFailure(Kind kind, boolean idempotent, Duration retryAfter, UpstreamResponse response, Throwable cause) {
		super(kind.name(), cause, false, false);
		this.kind = kind;
		this.retryable = switch (kind) {
			case CONNECT, THROTTLED -> true;
			case SERVER_ERROR, TIMEOUT, RESET -> idempotent;
		};
		this.retryAfter = retryAfter;
		this.response = response;
	}

	Kind kind() {
		return kind;
	}

	boolean retryable() {
		return retryable;
	}

	/** Upstream's {@code Retry-After}, or {@code null}. */
	Duration retryAfter() {
		return retryAfter;
	}

	/** The error answer, for THROTTLED and SERVER_ERROR; else {@code null}. */
	UpstreamResponse response() {
		return response;
	}

}
