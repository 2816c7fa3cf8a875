package dev.secgroup.gateway.upstream;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import reactor.core.publisher.Mono;

/**
 * The one place where the gateway proves itself upstream. Called for every attempt of every
 * upstream call, after the URI, headers and body bytes are final, so a signature covers exactly
 * what goes on the wire.
 */
public interface UpstreamAuthenticator {

	/**
	 * Adds credentials to {@code headers} (may obtain a token first, without blocking).
	 * @param request the outgoing request as it will be sent
	 * @return the headers to send
	 */
	Mono<HttpHeaders> authenticate(OutgoingRequest request);

	/**
	 * Upstream answered 401 to credentials this authenticator gave. Returns whether one more
	 * attempt with fresh credentials makes sense (a cached token was dropped). Never true twice
	 * for one call: the adapter retries at most once.
	 */
	default boolean refreshAfterUnauthorized(OutgoingRequest request) {
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
	record OutgoingRequest(String upstream, HttpMethod method, URI uri, UpstreamRequest request,
			HttpHeaders headers) {
	}

}
