package dev.secgroup.gateway.web;

import dev.secgroup.gateway.upstream.UpstreamResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Upstream's successful answer, relayed: same status, same content type, same bytes. */
public final class UpstreamRelay {

	/**
	 * Response header carrying upstream's own request id, for support cases with Huawei.
	 */
	public static final String UPSTREAM_REQUEST_ID = "X-Upstream-Request-Id";

	private UpstreamRelay() {
	}

	public static ResponseEntity<byte[]> relay(UpstreamResponse response) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(response.status());
		String contentType = response.headers().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && response.body().length > 0) {
			builder.header(HttpHeaders.CONTENT_TYPE, contentType);
		}
		if (response.upstreamRequestId() != null) {
			builder.header(UPSTREAM_REQUEST_ID, response.upstreamRequestId());
		}
		return response.body().length > 0 ? builder.body(response.body()) : builder.build();
	}

}
