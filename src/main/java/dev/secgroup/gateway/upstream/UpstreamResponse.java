package dev.secgroup.gateway.upstream;

import org.springframework.http.HttpHeaders;

/**
 * What upstream answered, untouched: the gateway relays the body byte for byte, so fields
 * it does not model (and keys like {@code binding:vif_details}) reach the caller
 * unchanged.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body exact response bytes (empty when upstream sent none)
 * @param attempts how many attempts were made, the first included
 */
public record UpstreamResponse(int status, HttpHeaders headers, byte[] body, int attempts) {

	/** Upstream's request id: Huawei puts it in {@code X-Request-Id}. */
	public String upstreamRequestId() {
		return headers.getFirst(UpstreamHeaders.REQUEST_ID);
	}

	UpstreamResponse withAttempts(int attempts) {
		return new UpstreamResponse(status, headers, body, attempts);
	}

	@Override
	public String toString() {
		return "UpstreamResponse[status=" + status + ", bytes=" + body.length + ", attempts=" + attempts + "]";
	}

}
