package dev.secgroup.gateway.credentials;

import reactor.core.publisher.Mono;

import dev.secgroup.gateway.upstream.UpstreamAuthenticator;
import dev.secgroup.gateway.upstream.UpstreamCredentialsException;
import dev.secgroup.gateway.upstream.UpstreamHeaders;

import org.springframework.http.HttpHeaders;

/**
 * {@code passthrough} mode: forwards the caller's own {@code X-Auth-Token} as it came. A
 * call without one fails before anything is sent upstream (answered 401). An upstream 401
 * is the caller's token being refused: answered, never retried.
 */
final class PassthroughAuthenticator implements UpstreamAuthenticator {

	private final CredentialsMetrics metrics;

	PassthroughAuthenticator(CredentialsMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public Mono<HttpHeaders> authenticate(OutgoingRequest outgoing) {
		String token = outgoing.request().callerToken();
		if (token == null || token.isBlank()) {
			metrics.callerTokenMissing();
			return Mono.error(new UpstreamCredentialsException(outgoing.upstream(),
					UpstreamCredentialsException.Reason.CALLER_TOKEN_MISSING,
					"This gateway calls " + outgoing.upstream() + " with the caller's own IAM token: send it in the "
							+ UpstreamHeaders.AUTH_TOKEN + " header.",
					null, null, null, null));
		}
		HttpHeaders headers = HttpHeaders.copyOf(outgoing.headers());
		headers.set(UpstreamHeaders.AUTH_TOKEN, token);
		return Mono.just(headers);
	}

	@Override
	public boolean refreshAfterUnauthorized(OutgoingRequest request, HttpHeaders sent) {
		metrics.rejectedUpstream();
		return false;
	}

}
