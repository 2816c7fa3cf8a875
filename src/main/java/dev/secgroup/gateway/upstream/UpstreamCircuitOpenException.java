package dev.secgroup.gateway.upstream;

import java.time.Duration;

/**
 * The upstream's circuit breaker is open: the call was refused without calling upstream.
 */
public final class UpstreamCircuitOpenException extends UpstreamException {

	private final Duration retryAfter;

	UpstreamCircuitOpenException(String upstream, Duration retryAfter, int attempts, Throwable cause) {
		super(upstream, "circuit breaker of " + upstream + " is open", attempts, cause);
		this.retryAfter = retryAfter;
	}

	/** When a caller may sensibly try again. */
	public Duration retryAfter() {
		return retryAfter;
	}

}
