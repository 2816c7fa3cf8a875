package dev.secgroup.gateway.upstream;

/**
 * An upstream call that did not produce an answer to relay: why, and how many attempts it
 * took.
 */
public abstract sealed class UpstreamException extends RuntimeException permits UpstreamErrorException,
		UpstreamUnavailableException, UpstreamTimeoutException, UpstreamCircuitOpenException,
		UpstreamCredentialsException, UpstreamBusyException, UpstreamQuotaExceededException {

	private final String upstream;

	private final int attempts;

	UpstreamException(String upstream, String message, int attempts, Throwable cause) {
		super(message, cause, false, false);
		this.upstream = upstream;
		this.attempts = attempts;
	}

	public String upstream() {
		return upstream;
	}

	public int attempts() {
		return attempts;
	}

	/**
	 * Whether upstream may have acted on the call without the gateway knowing the result:
	 * an attempt timed out or broke off after it may have been sent, or was answered 500,
	 * 502 or 504. {@code false} when upstream surely did not act on any attempt (not
	 * reached, throttled, circuit open, no credentials) or answered definitively.
	 */
	public boolean mayHaveActed() {
		return false;
	}

}
