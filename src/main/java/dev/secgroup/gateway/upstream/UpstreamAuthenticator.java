package dev.secgroup.gateway.upstream;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import reactor.core.publisher.Mono;

/**
 * The one place where the gateway proves itself upstream. Called for every attempt of
 * every upstream call, after the URI, headers and body bytes are final, so a signature
 * covers exactly what goes on the wire.
 * <p>
 * When credentials cannot be had (no caller token to pass through, IAM refuses or is
 * down), the returned {@link Mono} fails with an {@link UpstreamCredentialsException}:
 * the attempt is not sent, not retried, and not counted against the upstream's circuit
 * breaker.
 */
public interface UpstreamAuthenticator {

	/**
	 * Sends no credentials: for IAM, whose token requests carry their credentials in the
	 * body.
	 */
	UpstreamAuthenticator NONE = outgoing -> Mono.just(outgoing.headers());

	/**
	 * Adds credentials to {@code headers} (may obtain a token first, without blocking).
	 * @param request the outgoing request as it will be sent
	 * @return the headers to send
	 */
	Mono<HttpHeaders> authenticate(OutgoingRequest request);

	/**
	 * Upstream answered 401 to credentials this authenticator gave. Returns whether one
	 * more attempt with fresh credentials makes sense (a cached token was dropped). The
	 * adapter asks at most once per call, so a refused fresh token is answered, never
	 * retried in a loop.
	 * @param request the request that was refused
	 * @param sent the headers it was sent with (what {@link #authenticate} returned)
	 */
	default boolean refreshAfterUnauthorized(OutgoingRequest request, HttpHeaders sent) {
		return false;
	}

	/**
	 * A request about to be sent.
	 *
	 * @param upstream upstream name ({@code vpc}, {@code hss}, {@code iam})
	 * @param method HTTP method
	 * @param uri the exact, encoded URI
	 * @param request what the feature asked for (decoded query, project, caller token)
	 * @param headers headers already set (content type, request id); add to a copy
	 */
	record OutgoingRequest(String upstream, HttpMethod method, URI uri, UpstreamRequest request, HttpHeaders headers) {
	}

}
