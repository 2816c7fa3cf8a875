package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One access log line per request, answering "who called what, how did it end, how long
 * did it take": method, route template, status, latency, client and request id, never the
 * raw path, the query, the body or a credential.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends SecuredGatewayTestSupport {

	@BeforeEach
	void accessLogOn() {
		AccessLogLevel.info();
	}

	@AfterEach
	void accessLogOff() {
		AccessLogLevel.reset();
	}

	@Test
	void anAuthenticatedCallIsLoggedWithItsClient(CapturedOutput output) {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		// The query string is refused (400: the PUT takes none) and never logged.
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH + "?marker=" + PORT_ID, KEY_A, VPC_BODY);

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode line = LogLines.access(output, requestId);
		assertThat(line.path("message").asString()).isEqualTo(
				"PUT " + ServerMetricsTest.VPC_ROUTE + " 400 " + line.path("latency_ms").asLong() + "ms client=team-a");
		assertThat(line.path("method").asString()).isEqualTo("PUT");
		assertThat(line.path("route").asString()).isEqualTo(ServerMetricsTest.VPC_ROUTE);
		assertThat(line.path("status").asInt()).isEqualTo(400);
		assertThat(line.path("client").asString()).isEqualTo("team-a");
		assertThat(line.path("request_id").asString()).isEqualTo(requestId);
		assertThat(line.toString()).doesNotContain(PROJECT, PORT_ID, KEY_A, "8edd3747", "security_groups");
	}

	@Test
	void refusedCallsAreLoggedByRouteWithTheClientWhenKnown(CapturedOutput output) {
		HttpResponse<String> anonymous = sendWithKey("PUT", VPC_PATH, null, VPC_BODY);
		HttpResponse<String> notGranted = sendWithKey("POST", HSS_PATH, KEY_C, HSS_BODY);

		JsonNode unauthenticated = LogLines.access(output,
				anonymous.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(unauthenticated.path("status").asInt()).isEqualTo(401);
		assertThat(unauthenticated.path("route").asString()).isEqualTo(ServerMetricsTest.VPC_ROUTE);
		assertThat(unauthenticated.path("client").asString()).isEqualTo("-");
		JsonNode forbidden = LogLines.access(output, notGranted.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(forbidden.path("status").asInt()).isEqualTo(403);
		assertThat(forbidden.path("route").asString()).isEqualTo(ServerMetricsTest.HSS_ROUTE);
		assertThat(forbidden.path("client").asString()).isEqualTo("team-c");
	}

}
