package dev.secgroup.gateway.credentials;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code passthrough} mode: the caller's own {@code X-Auth-Token} goes upstream as it
 * came, or the call is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "gateway.credentials.mode=passthrough")
class PassthroughTest extends GatewayTestSupport {

	/** Token-like, with characters a careless client might re-encode. */
	static final String CALLER_TOKEN = "MIIcaller+token/with=chars-0123456789";

	@Test
	void forwardsTheCallersTokenAsItCame() {
		upstream.stubFor(
				WireMock.put(urlEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));
		upstream.stubFor(WireMock.post(urlPathEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));

		assertThat(send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Auth-Token", CALLER_TOKEN).statusCode())
			.isEqualTo(200);
		assertThat(send("POST", HSS_PATH, "application/json", HSS_BODY, "X-Auth-Token", CALLER_TOKEN).statusCode())
			.isEqualTo(200);

		assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).hasSize(2).allSatisfy(sent -> {
			assertThat(sent.getHeaders().getHeader("X-Auth-Token").values()).containsExactly(CALLER_TOKEN);
			assertThat(sent.containsHeader("Authorization")).isFalse();
			assertThat(sent.containsHeader("X-Sdk-Date")).isFalse();
		});
	}

	@Test
	void aCallWithoutATokenGets401AndNothingIsSentUpstream(CapturedOutput output) {
		upstream.stubFor(
				WireMock.put(urlEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0401");
		assertThat(problem.get("error_msg").asString()).contains("X-Auth-Token");
		assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		assertThat(circuitBreakers.circuitBreaker("vpc").getMetrics().getNumberOfFailedCalls()).isZero();
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode audit = AuditLines.single(output, requestId);
		assertThat(audit.get("status").asInt()).isEqualTo(401);
		assertThat(audit.get("error_code").asString()).isEqualTo("GW.0401");
		assertThat(audit.get("attempts").asInt()).isZero();
	}

	@Test
	void theOpenApiDocumentAsksForTheCallersToken() {
		JsonNode api = parse(send("GET", "/v3/api-docs", null, null).body());

		for (String pointer : new String[] {
				"/paths/" + escaped("/v3/{project_id}/ports/{port_id}/insert-security-groups") + "/put",
				"/paths/" + escaped("/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy")
						+ "/post" }) {
			JsonNode operation = api.at(pointer);
			assertThat(operation.path("parameters")
				.valueStream()
				.filter(parameter -> "X-Auth-Token".equals(parameter.path("name").asString()))
				.findFirst()).hasValueSatisfying(parameter -> {
					assertThat(parameter.path("in").asString()).isEqualTo("header");
					assertThat(parameter.path("required").asBoolean()).isTrue();
				});
			assertThat(operation.at("/responses/401/description").asString()).contains("X-Auth-Token");
		}
	}

	private static String escaped(String path) {
		return path.replace("~", "~0").replace("/", "~1");
	}

	@Test
	void anUpstream401ToTheCallersTokenIsAnsweredNotRetried() {
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(401)
				.withBody("{\"error_msg\":\"Incorrect IAM authentication information: token expired\","
						+ "\"error_code\":\"APIGW.0301\"}")));

		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Auth-Token",
				CALLER_TOKEN);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("APIGW.0301");
		LoggedRequest only = upstream.findAll(anyRequestedFor(anyUrl())).get(0);
		assertThat(upstream.findAll(anyRequestedFor(anyUrl()))).containsExactly(only);
	}

}
