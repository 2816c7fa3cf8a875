package dev.secgroup.gateway.simulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HSS fake enforces Huawei's documented limit (here 3 a minute) per project, as
 * Huawei's API gateway answers it: 429 {@code APIGW.0308}.
 */
@TestPropertySource(properties = "gateway.simulator.hss-limit.requests=3")
class SimulatorHssRateLimitTest extends SimulatorTestSupport {

	@Test
	void callsBeyondTheLimitAre429FromTheApiGateway() {
		for (int i = 0; i < 3; i++) {
			assertThat(send("POST", SimulatorHssTest.PATH, SimulatorHssTest.DOC_REQUEST).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> throttled = send("POST", SimulatorHssTest.PATH, SimulatorHssTest.DOC_REQUEST);

		assertThat(throttled.statusCode()).isEqualTo(429);
		JsonNode body = parse(throttled.body());
		assertThat(body.path("error_code").asString()).isEqualTo("APIGW.0308");
		assertThat(body.path("error_msg").asString())
			.isEqualTo("The throttling threshold has been reached: policy user over ratelimit,limit:3,time:1 minute");
		assertThat(body.path("request_id").asString()).isNotEmpty();
		assertThat(send("POST",
				SimulatorHssTest.PATH.replace(SimulatorHssTest.PROJECT, "0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
				SimulatorHssTest.DOC_REQUEST)
			.statusCode()).as("counted per project").isEqualTo(200);
	}

}
