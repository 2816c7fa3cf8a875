package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the {@code local} profile (here {@code test}) standard output is one JSON
 * object per line, so that a cluster's log collector needs no parsing rule: application
 * logs (ECS, with {@code trace_id}, {@code span_id} and {@code request_id}), access log
 * lines and audit events, an error with its stack trace included.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogLinesTest extends GatewayTestSupport {

	@BeforeEach
	void accessLogOn() {
		AccessLogLevel.info();
	}

	@AfterEach
	void accessLogOff() {
		AccessLogLevel.reset();
	}

	@Test
	void everyLineOfACallIsOneJsonObject(CapturedOutput output) {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);
		HttpResponse<String> invalid = put(VPC_PATH, "{\"port\":\"line\\nbreak\"}");
		org.slf4j.LoggerFactory.getLogger(JsonLogLinesTest.class)
			.error("a failure\nover two lines", new IllegalStateException("boom"));
		JsonNode access = LogLines.access(output, response.headers().firstValue("X-Request-Id").orElseThrow());
		LogLines.access(output, invalid.headers().firstValue("X-Request-Id").orElseThrow());

		List<JsonNode> lines = LogLines.all(output);
		assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
		assertThat(access.path("@timestamp").asString()).isNotEmpty();
		assertThat(access.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(access.path("trace_id").asString()).matches("[0-9a-f]{32}");
		assertThat(access.path("span_id").asString()).matches("[0-9a-f]{16}");
		assertThat(access.path("method").asString()).isEqualTo("PUT");
		assertThat(access.path("route").asString()).isEqualTo(ServerMetricsTest.VPC_ROUTE);
		assertThat(access.path("status").asInt()).isEqualTo(200);
		assertThat(access.path("latency_ms").isNumber()).isTrue();
		JsonNode error = lines.stream()
			.filter(line -> "a failure\nover two lines".equals(line.path("message").asString(null)))
			.findFirst()
			.orElseThrow();
		assertThat(error.path("error").path("stack_trace").asString()).contains("IllegalStateException: boom");
	}

}
