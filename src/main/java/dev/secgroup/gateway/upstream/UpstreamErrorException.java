package dev.secgroup.gateway.upstream;

/**
 * Upstream answered with an error status (after any retries).
 */
public final class UpstreamErrorException extends UpstreamException {

	private final UpstreamResponse response;

	private final UpstreamError error;

	UpstreamErrorException(String upstream, UpstreamResponse response, UpstreamError error) {
		super(upstream, upstream + " answered " + response.status(), response.attempts(), null);
		this.response = response;
		this.error = error;
	}

	public UpstreamResponse response() {
		return response;
	}

	/**
	 * Upstream's error code, message and request id, decoded from its body and headers.
	 */
	public UpstreamError error() {
		return error;
	}

}
