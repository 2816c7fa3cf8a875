package dev.secgroup.gateway.upstream;

/**
 * Upstream did not answer in time (response timeout of the last attempt, or the call
 * deadline).
 */
public final class UpstreamTimeoutException extends UpstreamException {

	private final boolean mayHaveActed;

	UpstreamTimeoutException(String upstream, String reason, int attempts, Throwable cause, boolean mayHaveActed) {
		super(upstream, upstream + " timed out: " + reason, attempts, cause);
		this.mayHaveActed = mayHaveActed;
	}

	@Override
	public boolean mayHaveActed() {
		return mayHaveActed;
	}

}
