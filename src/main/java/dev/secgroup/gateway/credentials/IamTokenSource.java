package dev.secgroup.gateway.credentials;

import reactor.core.publisher.Mono;

/** Where project-scoped IAM tokens come from: the password or the OIDC exchange. */
interface IamTokenSource {

	/**
	 * Asks IAM for a new token scoped to the project, without blocking.
	 * @return the token, or an
	 * {@link dev.secgroup.gateway.upstream.UpstreamCredentialsException}
	 */
	Mono<IamToken> fetch(String projectId);

}
