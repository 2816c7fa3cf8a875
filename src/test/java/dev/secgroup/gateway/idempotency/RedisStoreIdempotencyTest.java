package dev.secgroup.gateway.idempotency;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.sharedstate.SharedRedis;
import dev.secgroup.gateway.support.SharedRedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/** The scenarios on the store every replica shares: a real Redis. */
@ExtendWith(SharedRedisServer.class)
class RedisStoreIdempotencyTest extends IdempotencyScenarios {

	static final String PREFIX = SharedRedisServer.randomKeyPrefix();

	@Autowired
	SharedRedis redis;

	@DynamicPropertySource
	static void sharedRedis(DynamicPropertyRegistry registry) {
		RedisReplicas.properties(PREFIX).forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void storeKeysNameNeitherTheKeyNorTheClientNorTheBody() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));
		String idempotencyKey = "customer-order-4711-" + key;

		vpc(KEY_B, VPC_BODY, idempotencyKey);

		Set<String> keys = redis.blocking().keys(PREFIX + "idempotency:*");
		assertThat(keys).isNotEmpty()
			.allMatch(stored -> stored.matches(java.util.regex.Pattern.quote(PREFIX)
					+ "idempotency:(vpc:AddSecurityGroups|hss:CreateSecurityGroupPolicy):[0-9a-f]{64}"));
		assertThat(String.join("\n", keys)).doesNotContain(idempotencyKey, "customer-order", "team-b", KEY_B,
				"8edd3747", "security_groups");
	}

	@Test
	void aKeptAnswerExpiresAfterTheRetention() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));

		HttpResponse<String> response = vpc(KEY_B, VPC_BODY, key);

		assertThat(response.statusCode()).isEqualTo(200);
		Set<String> keys = redis.blocking().keys(PREFIX + "idempotency:*");
		assertThat(keys).allSatisfy(stored -> assertThat(redis.blocking().getExpire(stored))
			.isBetween(Duration.ofHours(23).toSeconds(), Duration.ofHours(24).toSeconds()));
	}

	@Test
	void anAnswerOverTheSizeCapIsStoredWithoutItsBody() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(LARGE_PORT_ANSWER));

		assertThat(vpc(KEY_B, VPC_BODY, key).statusCode()).isEqualTo(200);

		// The filter's store key: the operation and a hash of client and key.
		String stored = PREFIX + "idempotency:vpc:AddSecurityGroups:" + RequestFingerprint.sha256("team-b\n" + key);
		assertThat(redis.blocking().opsForHash().get(stored, "status")).isEqualTo("200");
		assertThat(redis.blocking().opsForHash().get(stored, "body")).isEqualTo("");
		assertThat(redis.blocking().opsForHash().get(stored, "omitted"))
			.isEqualTo(Integer.toString(LARGE_PORT_ANSWER.length()));
	}

}
