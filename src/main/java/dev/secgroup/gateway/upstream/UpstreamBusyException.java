package dev.secgroup.gateway.upstream;

import java.time.Duration;

/**
 * The gateway's own connection pool to the upstream is full (every connection in use and
 * the waiting line full, or no connection freed in time): nothing was sent. This is the
 * gateway's saturation, not the upstream's failure, so it never counts against the
 * upstream's circuit breaker and is not retried.
 */
public final class UpstreamBusyException extends UpstreamException {

	/** A pool frees a connection as soon as one call ends: callers may come back soon. */
	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	UpstreamBusyException(String upstream, int attempts, Throwable cause) {
		super(upstream, "connection pool of " + upstream + " is full", attempts, cause);
	}

	/** When a caller may sensibly try again. */
	public Duration retryAfter() {
		return RETRY_AFTER;
	}

}
