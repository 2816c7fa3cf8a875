package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One trace id per call, the same everywhere: the caller's W3C {@code traceparent} is
 * continued on every upstream attempt (a retry too, which runs on a reactor thread), and
 * the trace id is the {@code trace_id} of the audit event and of the call's log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationTest extends GatewayTestSupport {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void accessLogOn() {
		AccessLogLevel.info();
	}

	@AfterEach
	void accessLogOff() {
		AccessLogLevel.reset();
	}

	@Test
	void theCallersBaggageAndTraceStateAreNotForwardedUpstream() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "traceparent", TRACEPARENT,
				"baggage", "tenant=evil,k=v", "tracestate", "x=y");

		assertThat(response.statusCode()).isEqualTo(200);
		LoggedRequest sent = upstream.findAll(putRequestedFor(urlPathMatching("/vpc/.*"))).get(0);
		// Review B4: what a caller puts in baggage must not travel to Huawei Cloud in the
		// gateway's name.
		assertThat(sent.containsHeader("baggage") ? sent.getHeader("baggage") : "").doesNotContain("tenant=evil");
		assertThat(sent.getHeader("traceparent")).startsWith("00-" + TRACE_ID);
	}

	@Test
	void theCallersTraceIsContinuedUpstreamOnEveryAttemptAndRecorded(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.inScenario("retry")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.inScenario("retry")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "traceparent", TRACEPARENT);

		assertThat(response.statusCode()).isEqualTo(200);
		List<LoggedRequest> attempts = upstream.findAll(putRequestedFor(urlPathMatching("/vpc/.*")));
		assertThat(attempts).hasSize(2);
		assertThat(attempts).allSatisfy(
				attempt -> assertThat(attempt.getHeader("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
					.isNotEqualTo(TRACEPARENT));
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(AuditLines.single(output, requestId).path("trace_id").asString()).isEqualTo(TRACE_ID);
		JsonNode access = LogLines.access(output, requestId);
		assertThat(access.path("trace_id").asString()).isEqualTo(TRACE_ID);
		assertThat(access.path("span_id").asString()).matches("[0-9a-f]{16}");
	}

	@Test
	void withoutTraceparentTheGatewayStartsOneTraceAndKeepsItEverywhere(CapturedOutput output) {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		String traceId = AuditLines.single(output, requestId).path("trace_id").asString();
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(upstream.findAll(putRequestedFor(urlPathMatching("/vpc/.*"))).get(0).getHeader("traceparent"))
			.startsWith("00-" + traceId + "-");
		assertThat(LogLines.access(output, requestId).path("trace_id").asString()).isEqualTo(traceId);
	}

	@Test
	void spansAreNotExportedByDefault() {
		// No OTLP endpoint configured: no exporter exists (OtlpExportTest sets one).
		assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
	}

}
