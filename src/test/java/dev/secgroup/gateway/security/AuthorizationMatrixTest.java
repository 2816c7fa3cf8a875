package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operation x project, for each client: allowed calls reach upstream, refused ones get
 * 403 problem+json naming what was refused, and upstream sees nothing.
 * <p>
 * team-a: vpc on {@code PROJECT} only; team-b: both operations on {@code *}; team-c:
 * nothing.
 */
class AuthorizationMatrixTest extends SecuredGatewayTestSupport {

	private static final String VPC = "vpc:AddSecurityGroups";

	private static final String HSS = "hss:CreateSecurityGroupPolicy";

	@BeforeEach
	void upstreamAnswers() {
		upstream.stubFor(WireMock.any(urlPathMatching("/(vpc|hss)/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	static Stream<Arguments> matrix() {
		return Stream.of(
				// client, key, operation, project, allowed, what a refusal names
				Arguments.of("team-a", KEY_A, VPC, PROJECT, true, null),
				Arguments.of("team-a", KEY_A, VPC, OTHER_PROJECT, false, "project"),
				Arguments.of("team-a", KEY_A, HSS, PROJECT, false, "operation"),
				Arguments.of("team-a", KEY_A, HSS, OTHER_PROJECT, false, "operation"),
				Arguments.of("team-b", KEY_B, VPC, PROJECT, true, null),
				Arguments.of("team-b", KEY_B, VPC, OTHER_PROJECT, true, null),
				Arguments.of("team-b", KEY_B, HSS, PROJECT, true, null),
				Arguments.of("team-b", KEY_B, HSS, OTHER_PROJECT, true, null),
				Arguments.of("team-c", KEY_C, VPC, PROJECT, false, "operation"),
				Arguments.of("team-c", KEY_C, HSS, OTHER_PROJECT, false, "operation"));
	}

	@ParameterizedTest(name = "{0} {2} on {3}: allowed={4}")
	@MethodSource("matrix")
	void grantsDecide(String client, String key, String operation, String project, boolean allowed, String refused) {
		HttpResponse<String> response = call(key, operation, project);

		if (allowed) {
			assertThat(response.statusCode()).isEqualTo(200);
			upstream.verify(1, anyRequestedFor(anyUrl()));
			return;
		}
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0403");
		assertThat(problem.get("client").asString()).isEqualTo(client);
		assertThat(problem.get("operation").asString()).isEqualTo(operation);
		assertThat(problem.get("project_id").asString()).isEqualTo(project);
		assertThat(problem.get("detail").asString()).contains(client)
			.contains("project".equals(refused) ? "project '" + project + "'" : "operation " + operation)
			.contains("Nothing was sent upstream");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedBeforeValidation")
	void aRefusedCallerLearnsNothingAboutItsBody(String operation) {
		// Invalid bodies from a caller without the grant: 403, not 400.
		HttpResponse<String> response = VPC.equals(operation)
				? sendWithKey("PUT", VPC_PATH.replace(PROJECT, OTHER_PROJECT), KEY_A, "{\"port\":{}}")
				: sendWithKey("POST", HSS_PATH, KEY_A, "{}");

		assertThat(response.statusCode()).isEqualTo(403);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	static Stream<String> refusedBeforeValidation() {
		return Stream.of(VPC, HSS);
	}

	private HttpResponse<String> call(String key, String operation, String project) {
		return VPC.equals(operation) ? sendWithKey("PUT", VPC_PATH.replace(PROJECT, project), key, VPC_BODY)
				: sendWithKey("POST", HSS_PATH.replace(PROJECT, project), key, HSS_BODY);
	}

}
