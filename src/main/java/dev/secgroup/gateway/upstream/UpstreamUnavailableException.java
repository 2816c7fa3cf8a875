package dev.secgroup.gateway.upstream;

/** Upstream could not be reached, or the connection broke before a complete answer. */
public final class UpstreamUnavailableException extends UpstreamException {

	UpstreamUnavailableException(String upstream, String reason, int attempts, Throwable cause) {
		super(upstream, upstream + " unavailable: " + reason, attempts, cause);
	}

}
