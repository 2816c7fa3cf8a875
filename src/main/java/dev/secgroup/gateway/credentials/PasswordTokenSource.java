package dev.secgroup.gateway.credentials;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * {@code password} mode: a project-scoped token for an IAM user's name and password
 * ({@code POST {iam}/v3/auth/tokens?nocatalog=true}; the catalog is not needed and is
 * large).
 */
final class PasswordTokenSource implements IamTokenSource {

	static final String PATH = "/v3/auth/tokens";

	private final IamTokenClient iam;

	private final String userName;

	private final String password;

	private final String domainName;

	PasswordTokenSource(IamTokenClient iam, String userName, String password, String domainName) {
		this.iam = iam;
		this.userName = userName;
		this.password = password;
		this.domainName = domainName;
	}

	@Override
	public Mono<IamToken> fetch(String projectId) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("nocatalog", "true");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/json;charset=UTF-8"));
		return iam.issue("iam:KeystoneCreateUserTokenByPassword", PATH, query,
				PasswordTokenRequest.of(userName, password, domainName, projectId), headers, projectId);
	}

	@Override
	public String toString() {
		return "PasswordTokenSource[userName=" + userName + ", domainName=" + domainName + ", password=******]";
	}

}
