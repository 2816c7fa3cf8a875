package dev.secgroup.gateway.credentials;

import java.util.Objects;

import reactor.core.publisher.Mono;

import dev.secgroup.gateway.upstream.UpstreamAuthenticator;
import dev.secgroup.gateway.upstream.UpstreamHeaders;

import org.springframework.http.HttpHeaders;

/**
 * {@code password} and {@code oidc} modes: sends the project-scoped IAM token of the
 * path's project as {@code X-Auth-Token}, from {@link IamTokenCache}. When upstream
 * refuses a token (401, e.g. revoked after a password or permission change), that token
 * is dropped and the adapter retries once with a fresh one.
 */
final class IamTokenAuthenticator implements UpstreamAuthenticator {

	private final IamTokenCache tokens;

	private final CredentialsMetrics metrics;

	IamTokenAuthenticator(IamTokenCache tokens, CredentialsMetrics metrics) {
		this.tokens = tokens;
		this.metrics = metrics;
	}

	@Override
	public Mono<HttpHeaders> authenticate(OutgoingRequest outgoing) {
		String projectId = Objects.requireNonNull(outgoing.request().projectId(), "a token is scoped to a project");
		return tokens.token(projectId).map(token -> {
			HttpHeaders headers = HttpHeaders.copyOf(outgoing.headers());
			headers.set(UpstreamHeaders.AUTH_TOKEN, token.value());
			return headers;
		});
	}

	@Override
	public boolean refreshAfterUnauthorized(OutgoingRequest request, HttpHeaders sent) {
		metrics.rejectedUpstream();
		tokens.invalidate(request.request().projectId(), sent.getFirst(UpstreamHeaders.AUTH_TOKEN));
		return true;
	}

}
