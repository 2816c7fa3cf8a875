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

	/** An answer 500, 502 or 504: upstream may have acted before failing. */
	@Override
	public boolean mayHaveActed() {
		int status = response.status();
		return status == 500 || status == 502 || status == 504;
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
