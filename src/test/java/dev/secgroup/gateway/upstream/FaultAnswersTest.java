package dev.secgroup.gateway.upstream;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault answers tell the truth: what upstream said reaches the caller and the audit
 * event, whichever path the failure took.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultAnswersTest extends GatewayTestSupport {

	@Test
	void anUpstream4xxPassedThroughCarriesUpstreamsRequestIdAsAHeader() {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "vpc-404-7d0c1e2a")
				.withBody("{\"error_code\":\"VPC.0114\",\"error_msg\":\"Port not found\"}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Upstream-Request-Id")).hasValue("vpc-404-7d0c1e2a");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("VPC.0114");
		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("vpc-404-7d0c1e2a");
	}

	@Test
	void anUpstream5xxAnswerCarriesUpstreamsRequestIdAsAHeaderToo() {
		upstream.stubFor(WireMock.post(urlPathMatching("/hss/.*"))
			.willReturn(aResponse().withStatus(500).withHeader("X-Request-Id", "hss-500-1")));

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("X-Upstream-Request-Id")).hasValue("hss-500-1");
	}

	/**
	 * Default breaker: 10 calls at least, 50 % failures. A PUT makes 3 attempts, so the
	 * 10th attempt (the first of the 4th call) opens the circuit, and that call's retry
	 * is refused by the open circuit: it is answered with upstream's 500 (as 502), not
	 * with "calls are suspended".
	 */
	@Test
	void aCallWhoseRetryFindsTheCircuitOpenIsAnsweredWithWhatUpstreamSaid(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "vpc-500-9f3b")
				.withBody("{\"error_code\":\"VPC.0500\",\"error_msg\":\"System error\"}")));
		for (int i = 0; i < 3; i++) {
			assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(502);
		}
		assertThat(circuitBreakers.circuitBreaker("vpc").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

		HttpResponse<String> opening = put(VPC_PATH, VPC_BODY);

		assertThat(circuitBreakers.circuitBreaker("vpc").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		upstream.verify(10, anyRequestedFor(anyUrl()));
		assertThat(opening.statusCode()).isEqualTo(502);
		assertThat(opening.headers().firstValue("Retry-After")).isEmpty();
		JsonNode problem = parse(opening.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("VPC.0500");
		assertThat(problem.get("upstream_status").asInt()).isEqualTo(500);
		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("vpc-500-9f3b");
		JsonNode audit = AuditLines.single(output, opening.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(audit.get("status").asInt()).isEqualTo(502);
		assertThat(audit.get("upstream_status").asInt()).isEqualTo(500);
		assertThat(audit.get("upstream_request_id").asString()).isEqualTo("vpc-500-9f3b");
		assertThat(audit.get("error_code").asString()).isEqualTo("VPC.0500");

		// The next call finds the circuit open before any attempt: that one is suspended.
		HttpResponse<String> suspended = put(VPC_PATH, VPC_BODY);
		assertThat(suspended.statusCode()).isEqualTo(503);
		upstream.verify(10, anyRequestedFor(anyUrl()));
		JsonNode suspendedAudit = AuditLines.single(output,
				suspended.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(suspendedAudit.get("upstream_status").isNull()).isTrue();
		assertThat(suspendedAudit.get("error_code").asString()).isEqualTo("GW.0503");
	}

}
