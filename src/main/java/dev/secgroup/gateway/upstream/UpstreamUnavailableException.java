package dev.secgroup.gateway.upstream;

/** Upstream could not be reached, or the connection broke before a complete answer. */
public final class UpstreamUnavailableException extends UpstreamException {

	private final boolean mayHaveActed;

	UpstreamUnavailableException(String upstream, String reason, int attempts, Throwable cause, boolean mayHaveActed) {
		super(upstream, upstream + " unavailable: " + reason, attempts, cause);
		this.mayHaveActed = mayHaveActed;
	}

	/**
	 * {@code true} when the connection broke after the request may have been sent (or an
	 * earlier attempt may have acted); {@code false} when upstream could not be reached.
	 */
	@Override
	public boolean mayHaveActed() {
		return mayHaveActed;
	}

}
