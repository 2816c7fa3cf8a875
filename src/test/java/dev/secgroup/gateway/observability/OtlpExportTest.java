package dev.secgroup.gateway.observability;

import java.time.Duration;
import java.util.HexFormat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OTLP switch docs/observability.md documents: with
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} set, the call's spans
 * reach the collector (WireMock here) under the caller's trace id. Without it no exporter
 * exists ({@code TracePropagationTest#spansAreNotExportedByDefault}).
 */
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
class OtlpExportTest extends GatewayTestSupport {

	private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void collector(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> upstream.baseUrl() + "/otlp/v1/traces");
	}

	@Test
	void spansOfACallAreExportedUnderTheCallersTrace() {
		upstream.stubFor(WireMock.post(urlEqualTo("/otlp/v1/traces")).willReturn(aResponse().withStatus(200)));
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		send("PUT", VPC_PATH, "application/json", VPC_BODY, "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

		// OTLP/HTTP protobuf: the trace id travels as its 16 raw bytes.
		byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(upstream.findAll(postRequestedFor(urlEqualTo("/otlp/v1/traces"))))
				.anySatisfy(export -> assertThat(contains(export, traceId)).isTrue()));
		assertThat(context.getBeanNamesForType(SpanExporter.class)).isNotEmpty();
	}

	private static boolean contains(LoggedRequest export, byte[] needle) {
		byte[] body = export.getBody();
		for (int i = 0; i + needle.length <= body.length; i++) {
			int j = 0;
			while (j < needle.length && body[i + j] == needle[j]) {
				j++;
			}
			if (j == needle.length) {
				return true;
			}
		}
		return false;
	}

}
