package dev.secgroup.gateway.idempotency;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Redis cannot be reached: a call with a key cannot be made safe, so it is
 * refused without calling upstream; a call without one is not Redis' business.
 */
@TestPropertySource(properties = { "gateway.shared-state.store=redis", "spring.data.redis.host=127.0.0.1",
		"spring.data.redis.port=1" })
class RedisDownIdempotencyTest extends GatewayTestSupport {

	@Autowired
	MeterRegistry meters;

	@Test
	void aCallWithAKeyIs503AndNothingIsSent() {
		upstream.stubFor(WireMock.put(urlPathEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200)));
		double unavailable = count("store_unavailable");

		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, IdempotencyKey.HEADER,
				UUID.randomUUID().toString());

		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode problem = parse(response.body());
		assertThat(problem.path("error_code").asString()).isEqualTo("GW.0531");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		upstream.verify(0, putRequestedFor(urlPathEqualTo("/vpc" + VPC_PATH)));
		assertThat(count("store_unavailable")).isEqualTo(unavailable + 1);
	}

	@Test
	void aCallWithoutAKeyRunsAsUsual() {
		upstream.stubFor(WireMock.put(urlPathEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200)));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		upstream.verify(1, putRequestedFor(urlPathEqualTo("/vpc" + VPC_PATH)));
	}

	private double count(String outcome) {
		return meters.get(IdempotencyMetrics.CALLS)
			.tag("operation", "vpc:AddSecurityGroups")
			.tag("outcome", outcome)
			.counter()
			.count();
	}

}
