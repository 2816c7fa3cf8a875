package dev.secgroup.gateway.idempotency;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.sharedstate.SharedRedis;
import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.Replica;
import dev.secgroup.gateway.support.SharedRedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas (this test's application context and a second one started here) on one
 * Redis and one WireMock upstream: every replica sees every key.
 */
@ExtendWith(SharedRedisServer.class)
class TwoReplicasIdempotencyTest extends GatewayTestSupport {

	static final String PREFIX = SharedRedisServer.randomKeyPrefix();

	static final String HSS_UPSTREAM = "/hss" + HSS_PATH;

	static final String VPC_UPSTREAM = "/vpc" + VPC_PATH;

	/** Long enough that a call is still running when its twin arrives. */
	static final int SLOW_UPSTREAM_MILLIS = 3000;

	static Replica second;

	static int secondPort;

	@Autowired
	SharedRedis redis;

	final String key = UUID.randomUUID().toString();

	@DynamicPropertySource
	static void sharedRedis(DynamicPropertyRegistry registry) {
		replicaProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	static Map<String, String> replicaProperties() {
		Map<String, String> properties = new HashMap<>(RedisReplicas.properties(PREFIX));
		properties.put("gateway.upstreams.hss.response-timeout", "10s");
		properties.put("gateway.upstreams.vpc.response-timeout", "10s");
		return properties;
	}

	@BeforeAll
	static void startSecondReplica() {
		Map<String, String> properties = new HashMap<>(replicaProperties());
		properties.putAll(upstreamEndpoints());
		second = Replica.start(properties);
		secondPort = second.port();
	}

	@AfterAll
	static void stopSecondReplica() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void sameKeyOnBothReplicasAtOnceMakesExactlyOneUpstreamCallAndTheOtherGets409() {
		upstream.stubFor(WireMock.post(urlPathEqualTo(HSS_UPSTREAM))
			.willReturn(aResponse().withStatus(200).withFixedDelay(SLOW_UPSTREAM_MILLIS)));

		CompletableFuture<HttpResponse<String>> onFirst = CompletableFuture.supplyAsync(() -> hss(port));
		CompletableFuture<HttpResponse<String>> onSecond = CompletableFuture.supplyAsync(() -> hss(secondPort));
		List<HttpResponse<String>> answers = List.of(onFirst.join(), onSecond.join());

		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
		HttpResponse<String> conflict = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
		assertThat(conflict.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(parse(conflict.body()).path("error_code").asString()).isEqualTo("GW.0409");
		upstream.verify(1, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
	}

	@Test
	void aRetryOnTheOtherReplicaGetsTheSameBytesWithoutCallingUpstream() {
		upstream.stubFor(WireMock.put(urlPathEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "vpc-req-7")
				.withBody(IdempotencyScenarios.PORT_ANSWER)));

		HttpResponse<String> first = vpc(port);
		HttpResponse<String> retry = vpc(secondPort);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("X-Upstream-Request-Id")).hasValue("vpc-req-7");
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	@Test
	void aPostClaimedByAReplicaThatDiedAnswersUnknownOutcomeOnceItsLeaseRunsOut() {
		upstream.stubFor(WireMock.post(urlPathEqualTo(HSS_UPSTREAM)).willReturn(aResponse().withStatus(200)));
		String claim = claimAsADeadReplica("hss:CreateSecurityGroupPolicy", "POST", HSS_PATH, HSS_BODY);

		HttpResponse<String> whileLeased = hss(port);
		leaseRunsOut(claim);
		HttpResponse<String> afterLease = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> hss(secondPort), response -> response.statusCode() != 409);
		HttpResponse<String> retry = hss(port);

		assertThat(whileLeased.statusCode()).isEqualTo(409);
		assertThat(afterLease.statusCode()).isEqualTo(502);
		JsonNode problem = parse(afterLease.body());
		assertThat(problem.path("outcome").asString()).isEqualTo("unknown");
		assertThat(problem.path("error_msg").asString()).contains("interrupted");
		assertThat(retry.body()).isEqualTo(afterLease.body());
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(0, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
	}

	@Test
	void aPutClaimedByAReplicaThatDiedRunsAgainOnceItsLeaseRunsOut() {
		upstream.stubFor(WireMock.put(urlPathEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(IdempotencyScenarios.PORT_ANSWER)));
		String claim = claimAsADeadReplica("vpc:AddSecurityGroups", "PUT", VPC_PATH, VPC_BODY);

		HttpResponse<String> whileLeased = vpc(port);
		leaseRunsOut(claim);
		HttpResponse<String> afterLease = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> vpc(secondPort), response -> response.statusCode() != 409);

		assertThat(whileLeased.statusCode()).isEqualTo(409);
		assertThat(afterLease.statusCode()).isEqualTo(200);
		assertThat(afterLease.body()).isEqualTo(IdempotencyScenarios.PORT_ANSWER);
		assertThat(afterLease.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	/**
	 * Writes the claim a replica leaves when it stops mid-call, straight into Redis, as
	 * the claim script does: scoped key, fingerprint, an owner nobody else has, a lease
	 * end by the Redis server's clock (a minute from now).
	 * @return its Redis key
	 */
	private String claimAsADeadReplica(String operation, String method, String path, String body) {
		String storeKey = redis.key("idempotency:" + operation + ":" + RequestFingerprint.sha256("\n" + key));
		String fingerprint = RequestFingerprint.of(method, path, Map.of(), json.readTree(body));
		Long now = redis.blocking().execute((RedisCallback<Long>) connection -> connection.serverCommands().time());
		redis.blocking()
			.opsForHash()
			.putAll(storeKey, Map.of("state", "claimed", "fingerprint", fingerprint, "owner", "dead-replica",
					"lease_until", Long.toString(now + Duration.ofMinutes(1).toMillis())));
		redis.blocking().expire(storeKey, Duration.ofHours(24));
		return storeKey;
	}

	/** Time passes for the dead replica's lease: its end becomes the server's now. */
	private void leaseRunsOut(String storeKey) {
		Long now = redis.blocking().execute((RedisCallback<Long>) connection -> connection.serverCommands().time());
		redis.blocking().opsForHash().put(storeKey, "lease_until", Long.toString(now));
	}

	private HttpResponse<String> hss(int replicaPort) {
		return send(replicaPort, "POST", HSS_PATH, "application/json", HSS_BODY, IdempotencyKey.HEADER, key);
	}

	private HttpResponse<String> vpc(int replicaPort) {
		return send(replicaPort, "PUT", VPC_PATH, "application/json", VPC_BODY, IdempotencyKey.HEADER, key);
	}

}
