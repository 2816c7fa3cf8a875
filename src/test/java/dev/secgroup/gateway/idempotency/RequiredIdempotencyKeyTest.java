package dev.secgroup.gateway.idempotency;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway.idempotency.required-for}: the operations that refuse a call without a
 * key.
 */
@TestPropertySource(properties = "gateway.idempotency.required-for=hss:CreateSecurityGroupPolicy")
class RequiredIdempotencyKeyTest extends GatewayTestSupport {

	@Test
	void aCallWithoutTheKeyIs400NamingTheHeaderAndNothingIsSent() {
		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = parse(response.body());
		assertThat(problem.path("error_code").asString()).isEqualTo("GW.0400");
		assertThat(problem.path("violations").path(0).path("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(problem.path("violations").path(0).path("message").asString())
			.contains("required for hss:CreateSecurityGroupPolicy");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aCallWithTheKeyRuns() {
		upstream.stubFor(WireMock.post(urlPathEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));

		HttpResponse<String> response = send("POST", HSS_PATH, "application/json", HSS_BODY, IdempotencyKey.HEADER,
				UUID.randomUUID().toString());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void otherOperationsStillRunWithoutAKey() {
		upstream.stubFor(WireMock.put(urlPathEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200)));

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);
	}

	@Test
	void theOpenApiDocumentMarksTheHeaderRequiredWhereItIs() {
		JsonNode paths = parse(send("GET", "/v3/api-docs", null, null).body()).path("paths");
		JsonNode hss = paths.path("/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy")
			.path("post");
		JsonNode vpc = paths.path("/v3/{project_id}/ports/{port_id}/insert-security-groups").path("put");

		assertThat(IdempotencyOpenApiTest.header(hss).path("required").asBoolean()).isTrue();
		assertThat(IdempotencyOpenApiTest.header(vpc).path("required").asBoolean(false)).isFalse();
	}

}
