package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * {@code oidc} mode (workload identity): exchanges an OIDC ID token for a project-scoped
 * token at {@code POST {iam}/v3.0/OS-AUTH/id-token/tokens} with {@code X-Idp-Id}. The ID
 * token file is read again for every exchange, because the kubelet rotates a projected
 * service-account token; it is read on a thread meant for blocking I/O, never on an event
 * loop.
 */
final class OidcTokenSource implements IamTokenSource {

	static final String PATH = "/v3.0/OS-AUTH/id-token/tokens";

	static final String X_IDP_ID = "X-Idp-Id";

	private final IamTokenClient iam;

	private final String idpId;

	private final Path idTokenFile;

	OidcTokenSource(IamTokenClient iam, String idpId, Path idTokenFile) {
		this.iam = iam;
		this.idpId = idpId;
		this.idTokenFile = idTokenFile;
	}

	@Override
	public Mono<IamToken> fetch(String projectId) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(X_IDP_ID, idpId);
		headers.setContentType(MediaType.parseMediaType("application/json;charset=UTF-8"));
		return readIdToken().flatMap(idToken -> iam.issue("iam:CreateTokenWithIdToken", PATH,
				new LinkedMultiValueMap<>(), IdTokenRequest.of(idToken, projectId), headers, projectId));
	}

	private Mono<String> readIdToken() {
		return Mono.fromCallable(() -> Files.readString(idTokenFile).strip())
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(error -> error instanceof IOException || error instanceof SecurityException,
					error -> unreadable("cannot be read (" + error.getClass().getSimpleName() + ")", error))
			.flatMap(token -> token.isEmpty() ? Mono.error(unreadable("is empty", null)) : Mono.just(token));
	}

	private UpstreamCredentialsException unreadable(String what, Throwable cause) {
		return new UpstreamCredentialsException("iam", UpstreamCredentialsException.Reason.ID_TOKEN_UNREADABLE,
				"The OIDC ID token file " + idTokenFile + " " + what + ".", null, null, null, cause);
	}

	@Override
	public String toString() {
		return "OidcTokenSource[idpId=" + idpId + ", idTokenFile=" + idTokenFile + "]";
	}

}
