package dev.secgroup.gateway.web;

import reactor.core.publisher.Mono;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.upstream.UpstreamErrorException;
import dev.secgroup.gateway.upstream.UpstreamException;
import dev.secgroup.gateway.upstream.UpstreamResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Upstream's answer relayed to the caller: same status, same content type, same bytes;
 * and upstream's outcome (status, request id, attempts) recorded in the call's context.
 */
public final class UpstreamRelay {

	/**
	 * Response header carrying upstream's own request id, for support cases with Huawei.
	 */
	public static final String UPSTREAM_REQUEST_ID = "X-Upstream-Request-Id";

	private UpstreamRelay() {
	}

	/**
	 * Waits for {@code upstream} on the request thread (a controller never returns a
	 * reactive result: an async dispatch would run every filter twice), records its
	 * outcome in {@code call} and relays its answer. A failure is recorded and rethrown
	 * for the exception handler to answer.
	 */
	public static ResponseEntity<byte[]> relay(CallContext call, Mono<UpstreamResponse> upstream) {
		UpstreamResponse response;
		try {
			response = upstream.block();
		}
		catch (UpstreamException failure) {
			if (failure instanceof UpstreamErrorException error) {
				call.upstreamFailed(failure.attempts(), error.response().status(), error.error().requestId());
			}
			else {
				call.upstreamFailed(failure.attempts(), null, null);
			}
			throw failure;
		}
		if (response == null) {
			throw new IllegalStateException("upstream completed without an answer");
		}
		call.upstreamAnswered(response.status(), response.upstreamRequestId(), response.attempts());
		return relay(response);
	}

	private static ResponseEntity<byte[]> relay(UpstreamResponse response) {
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
