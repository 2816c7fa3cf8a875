package dev.secgroup.gateway.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the audit sink is known to fail, no call is carried out: it is answered 503
 * problem+json before anything is sent upstream, and readiness is DOWN; the next
 * successful write ends it.
 */
class AuditSinkFailureTest extends GatewayTestSupport {

	/** Standard output that refuses writes while {@link #broken} is set. */
	static final AtomicBoolean broken = new AtomicBoolean();

	@AfterEach
	void repair() {
		broken.set(false);
	}

	@Test
	void noCallIsCarriedOutWhileTheSinkFailsAndTheNextSuccessfulWriteEndsIt() {
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"port\":{}}")));
		broken.set(true);

		// The failure is learned from a call: it had reached upstream, so it is answered
		// 500 (fail-closed).
		HttpResponse<String> recordedTooLate = call("audit-broken-0001");
		assertThat(recordedTooLate.statusCode()).isEqualTo(500);
		upstream.verify(1, putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)).withHeader("X-Request-Id",
				equalTo(ownId(recordedTooLate))));
		assertThat(readiness()).isEqualTo(503);

		HttpResponse<String> refused = call("audit-broken-0002");

		assertThat(refused.statusCode()).isEqualTo(503);
		JsonNode problem = parse(refused.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0530");
		assertThat(problem.get("detail").asString()).contains("nothing was sent upstream");
		upstream.verify(0,
				putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)).withHeader("X-Request-Id", equalTo(ownId(refused))));

		broken.set(false);

		// Still refused (the sink was known to fail), but its event is written: that ends
		// the failure, and the next call goes through.
		HttpResponse<String> stillRefused = call("audit-broken-0003");
		assertThat(stillRefused.statusCode()).isEqualTo(503);
		assertThat(readiness()).isEqualTo(200);
		HttpResponse<String> carriedOut = call("audit-broken-0004");
		assertThat(carriedOut.statusCode()).isEqualTo(200);
		upstream.verify(0, putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)).withHeader("X-Request-Id",
				equalTo(ownId(stillRefused))));
		upstream.verify(1,
				putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)).withHeader("X-Request-Id", equalTo(ownId(carriedOut))));
	}

	private HttpResponse<String> call(String requestId) {
		return send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Request-Id", requestId);
	}

	/** The gateway's own id of the call, the one it sends upstream. */
	private static String ownId(HttpResponse<String> response) {
		return response.headers().firstValue("X-Request-Id").orElseThrow();
	}

	private int readiness() {
		return management("/actuator/health/readiness").statusCode();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class BreakableStandardOutput {

		@Bean
		@Primary
		StdoutJsonAuditSink breakableAuditSink() {
			return new StdoutJsonAuditSink(new OutputStream() {
				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (broken.get()) {
						throw new IOException("EPIPE");
					}
					new SystemOutStream().write(bytes, offset, length);
				}
			}, Duration.ofSeconds(2), 16);
		}

	}

}
