package dev.secgroup.gateway.audit;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

/**
 * The event is written before the answer is sent: when the sink fails, the caller gets
 * 500 problem+json instead of the answer it would have had (the default, fail closed).
 */
class AuditFailClosedTest extends GatewayTestSupport {

	@MockitoBean
	AuditSink sink;

	@Test
	void aCallThatCannotBeRecordedIsAnswered500() {
		doThrow(new AuditSinkException("disk full")).when(sink).write(any());
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"port\":{}}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0500");
		assertThat(problem.get("detail").asString()).contains("audit trail");
		assertThat(response.body()).doesNotContain("{\"port\":{}}").doesNotContain("disk full");
		// Upstream had already been called: the caller is told it may have taken effect.
		upstream.verify(1, putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)));
	}

	@Test
	void aRefusalThatCannotBeRecordedIsAnswered500Too() {
		doThrow(new AuditSinkException("disk full")).when(sink).write(any());

		HttpResponse<String> response = put(VPC_PATH, "{}");

		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0500");
	}

}
