package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway.security.mode=api-key}: who gets in with which key, and who does not.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAuthenticationTest extends SecuredGatewayTestSupport {

	@BeforeEach
	void upstreamAnswers() {
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	@Test
	void aKnownKeyIsAcceptedAndTheCallForwardedWithoutTheKey() {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		upstream.verify(1, putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)).withHeader("X-Api-Key", absent()));
	}

	@Test
	void aRotatingClientsPreviousKeyStillWorksAsThatClient(CapturedOutput output) {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_A_PREVIOUS, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(AuditLines.single(output, requestId).get("client").asString()).isEqualTo("team-a");
		assertThat(sendWithKey("POST", HSS_PATH, KEY_A_PREVIOUS, HSS_BODY).statusCode())
			.as("with team-a's grant, nothing more")
			.isEqualTo(403);
	}

	@Test
	void aMissingKeyGets401ProblemWithAChallengeAndNoUpstreamCall() {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, null, VPC_BODY);

		assertUnauthenticated(response);
		assertThat(parse(response.body()).get("detail").asString()).contains("X-Api-Key");
	}

	@Test
	void aWrongKeyGets401WithoutRepeatingIt() {
		String wrong = "team-a-key-7Qm2x9Lp4Rv8Tz1X";

		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, wrong, VPC_BODY);

		assertUnauthenticated(response);
		assertThat(parse(response.body()).get("detail").asString()).isEqualTo("The API key is not valid.");
		assertThat(response.body()).doesNotContain(wrong);
	}

	@Test
	void anEmptyKeyGets401() {
		assertUnauthenticated(sendWithKey("PUT", VPC_PATH, "", VPC_BODY));
	}

	@Test
	void theKeyHashIsNotAKey() {
		assertUnauthenticated(sendWithKey("PUT", VPC_PATH, KEY_A_SHA256, VPC_BODY));
	}

	@Test
	void probesAndTheOpenApiDocumentNeedNoKey() {
		assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(management("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(management("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(send("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/v3/api-docs.yaml", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/swagger-ui/index.html", null, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/swagger-ui.html", null, null).statusCode()).isIn(200, 302);
	}

	@Test
	void theOpenApiDocumentTellsHowToAuthenticate() {
		JsonNode api = parse(send("GET", "/v3/api-docs", null, null).body());

		JsonNode scheme = api.at("/components/securitySchemes/api-key");
		assertThat(scheme.get("type").asString()).isEqualTo("apiKey");
		assertThat(scheme.get("in").asString()).isEqualTo("header");
		assertThat(scheme.get("name").asString()).isEqualTo("X-Api-Key");
		JsonNode put = api.get("paths").get("/v3/{project_id}/ports/{port_id}/insert-security-groups").get("put");
		assertThat(put.get("security").get(0).has("api-key")).isTrue();
		assertThat(put.get("responses").has("401")).isTrue();
		assertThat(put.get("responses").has("403")).isTrue();
	}

	@Test
	void everythingElseNeedsAKnownClient() {
		// The management port has its own credential (ManagementEndpointSecurityTest);
		// Prometheus is public there.
		HttpResponse<String> circuits = management("/actuator/circuitbreakers");
		assertThat(circuits.statusCode()).isEqualTo(401);
		assertThat(circuits.headers().firstValue("WWW-Authenticate")).isPresent();
		assertUnauthenticated(send("GET", "/no/such/path", null, null));

		assertThat(management("/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	@Test
	void theWrongMethodOnAMirroredPathIsNotAWayAround() {
		assertUnauthenticated(send("GET", VPC_PATH, null, null));
		assertUnauthenticated(send("POST", VPC_PATH, "application/json", VPC_BODY));
	}

	private static void assertUnauthenticated(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
			.isEqualTo("ApiKey realm=\"secgroup-gateway\", header=\"X-Api-Key\"");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0401");
		assertThat(problem.get("request_id").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
