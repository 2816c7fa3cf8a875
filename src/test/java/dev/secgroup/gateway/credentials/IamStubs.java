package dev.secgroup.gateway.credentials;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.UrlPathPattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * IAM answers as docs/huawei-cloud.md "IAM tokens" describes them, and the paths the
 * gateway calls.
 */
final class IamStubs {

	/** IAM's own form of {@code expires_at}: UTC with six fraction digits. */
	static final DateTimeFormatter IAM_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	static final String PASSWORD_PATH = "/iam/v3/auth/tokens?nocatalog=true";

	static final String OIDC_PATH = "/iam/v3.0/OS-AUTH/id-token/tokens";

	static final UrlPathPattern ANY_VPC_PORT = WireMock
		.urlPathMatching("/vpc/v3/[^/]+/ports/[^/]+/insert-security-groups");

	private IamStubs() {
	}

	/**
	 * 201 with the token in {@code X-Subject-Token} and its expiry in the body.
	 * @param projectId the project the body says the token is scoped to; {@code null} for
	 * an answer that fits any project
	 */
	static ResponseDefinitionBuilder issued(String token, Instant expiresAt, String projectId) {
		String project = projectId == null ? ""
				: ",\"project\":{\"id\":\"" + projectId + "\",\"name\":\"ap-southeast-1\"}";
		return aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json;charset=UTF-8")
			.withHeader("X-Subject-Token", token)
			.withHeader("X-Request-Id", "iam-" + UUID.randomUUID())
			.withBody("{\"token\":{\"expires_at\":\"" + IAM_TIME.format(expiresAt) + "\",\"methods\":[\"password\"]"
					+ project + "}}");
	}

	static ResponseDefinitionBuilder vpcOk() {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}");
	}

	/**
	 * A project id of its own for each test: the token cache lives as long as the
	 * context.
	 */
	static String newProject() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static String vpcPath(String projectId) {
		return "/v3/" + projectId + "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";
	}

}
