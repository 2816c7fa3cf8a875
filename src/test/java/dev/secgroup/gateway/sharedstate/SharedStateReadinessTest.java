package dev.secgroup.gateway.sharedstate;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway told to share state in a Redis that does not answer still starts, and stays
 * ready: Redis is never part of health or readiness.
 */
@TestPropertySource(properties = { "gateway.shared-state.store=redis", "spring.data.redis.host=127.0.0.1",
		"spring.data.redis.port=1" })
class SharedStateReadinessTest extends GatewayTestSupport {

	@Autowired
	SharedRedis redis;

	@Test
	void readinessAndHealthStayUpWithoutRedis() {
		HttpResponse<String> readiness = management("/actuator/health/readiness");
		HttpResponse<String> health = management("/actuator/health");

		assertThat(redis).isNotNull();
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(parse(readiness.body()).path("status").asString()).isEqualTo("UP");
		JsonNode components = parse(health.body()).path("components");
		assertThat(components.has("redis")).isFalse();
		assertThat(parse(health.body()).path("status").asString()).isEqualTo("UP");
	}

}
