package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.MutableClock;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.reactor.context-propagation=limited} nothing puts a call's ids on a
 * reactor thread by itself: the gateway carries them explicitly where a call's work goes
 * on there. Shown end to end in {@code password} mode (the configuration of
 * {@code DashboardMetricsTest}, so the context is shared), where a token fetch is sent
 * and ends on reactor threads: the IAM request continues the caller's trace, and the
 * warning logged there when IAM fails carries the call's request id and trace id, like
 * every other line of the call. Upstream retries, also on reactor threads:
 * {@code TracePropagationTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "gateway.credentials.mode=password", "gateway.credentials.user-name=gateway-robot",
		"gateway.credentials.password=Pa55w0rd-\"quoted\"-secret", "gateway.credentials.domain-name=acme-account",
		"gateway.credentials.token-refresh-margin=1h", "gateway.upstreams.hss.quota.requests=1000" })
class ReactorContextPropagationTest extends GatewayTestSupport {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

	@Test
	void aTokenFetchContinuesTheCallersTraceAndItsFailureIsLoggedWithTheCallsIds(CapturedOutput output) {
		String project = "reactorcontext" + System.nanoTime();
		upstream.stubFor(WireMock.post(urlEqualTo("/iam/v3/auth/tokens?nocatalog=true"))
			.willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":\"IAM.0001\",\"message\":\"busy\"}}")));

		HttpResponse<String> response = send("PUT", VPC_PATH.replace(PROJECT, project), "application/json", VPC_BODY,
				"traceparent", TRACEPARENT);

		assertThat(response.statusCode()).isGreaterThanOrEqualTo(500);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		List<LoggedRequest> logins = upstream.findAll(postRequestedFor(urlPathEqualTo("/iam/v3/auth/tokens")));
		assertThat(logins).isNotEmpty()
			.allSatisfy(login -> assertThat(login.getHeader("traceparent")).startsWith("00-" + TRACE_ID + "-"));
		JsonNode warning = LogLines.all(output)
			.stream()
			.filter(line -> line.path("message").asString("").startsWith("IAM token for project " + project))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no IAM warning in:\n" + output));
		assertThat(warning.path("process").path("thread").path("name").asString())
			.matches("reactor-http-.*|parallel-.*");
		assertThat(warning.path("request_id").asString()).isEqualTo(requestId);
		assertThat(warning.path("trace_id").asString()).isEqualTo(TRACE_ID);
	}

}
