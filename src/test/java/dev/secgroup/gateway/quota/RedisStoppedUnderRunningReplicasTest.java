package dev.secgroup.gateway.quota;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.sharedstate.SharedStateFallback;
import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.PrivateRedisServer;
import dev.secgroup.gateway.support.RedisConnections;
import dev.secgroup.gateway.support.Replica;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two running replicas share their quota in a Redis that then stops: every call is still
 * served (each replica falls back to its own bucket, says so in
 * {@code gateway.shared.state.fallback} and stays ready), and when Redis answers again
 * the replicas return to the shared quota by themselves. A Redis of the test's own, on
 * its own port, so that stopping it disturbs nothing else.
 */
class RedisStoppedUnderRunningReplicasTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void replicasFallBackWhileRedisIsAwayStayReadyAndReturnToTheSharedQuota() throws Exception {
		Assumptions.assumeTrue(PrivateRedisServer.available(), "redis-server is not installed");
		WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		upstream.start();
		upstream.stubFor(any(anyUrl()).willReturn(ok()));
		String prefix = "stopped-" + System.nanoTime() + ":";
		try (PrivateRedisServer redis = PrivateRedisServer.start();
				Replica first = Replica.start(properties(upstream, redis.port(), prefix));
				Replica second = Replica.start(properties(upstream, redis.port(), prefix));
				RedisConnections own = new RedisConnections("127.0.0.1", redis.port(), prefix)) {
			List<Replica> replicas = List.of(first, second);
			for (Replica replica : replicas) {
				assertThat(call(replica)).isEqualTo(200);
				assertThat(fallback(replica).active()).isFalse();
			}
			assertThat(own.redis().blocking().hasKey(prefix + "quota:{hss}:turns")).isTrue();

			redis.stop();

			for (Replica replica : replicas) {
				assertThat(call(replica)).as("served from the replica's own bucket").isEqualTo(200);
				assertThat(fallback(replica).active()).isTrue();
				assertThat(readiness(replica)).as("Redis away is not a reason to take the replica out").isEqualTo(200);
			}

			redis.resume();
			for (Replica replica : replicas) {
				await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
					assertThat(call(replica)).isEqualTo(200);
					assertThat(fallback(replica).active()).isFalse();
				});
			}
			assertThat(own.redis().blocking().hasKey(prefix + "quota:{hss}:turns"))
				.as("turns are counted in Redis again (the restarted server kept nothing)")
				.isTrue();
		}
		finally {
			upstream.stop();
		}
	}

	private static Map<String, String> properties(WireMockServer upstream, int redisPort, String prefix) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("gateway.upstreams.vpc.endpoint", upstream.baseUrl() + "/vpc");
		properties.put("gateway.upstreams.hss.endpoint", upstream.baseUrl() + "/hss");
		properties.put("gateway.upstreams.iam.endpoint", upstream.baseUrl() + "/iam");
		properties.put("gateway.upstreams.hss.quota.requests", "1000");
		properties.put("gateway.upstreams.hss.quota.per", "1s");
		properties.put("gateway.shared-state.store", "redis");
		properties.put("gateway.shared-state.key-prefix", prefix);
		properties.put("gateway.shared-state.fallback-recheck", "200ms");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", Integer.toString(redisPort));
		properties.put("spring.data.redis.timeout", RedisConnections.TIMEOUT.toMillis() + "ms");
		properties.put("spring.data.redis.connect-timeout", RedisConnections.TIMEOUT.toMillis() + "ms");
		properties.put("management.tracing.sampling.probability", "0");
		properties.put("gateway.security.mode", "api-key");
		properties.put("gateway.security.allow-unauthenticated-outside-local", "false");
		properties.put("gateway.security.clients[0].name", "team-b");
		properties.put("gateway.security.clients[0].api-key-sha256", SecuredGatewayTestSupport.KEY_B_SHA256);
		properties.put("gateway.security.clients[0].projects[0]", "*");
		properties.put("gateway.security.clients[0].operations[0]", "hss:CreateSecurityGroupPolicy");
		return properties;
	}

	private static int call(Replica replica) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + GatewayTestSupport.HSS_PATH))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", SecuredGatewayTestSupport.KEY_B)
			.POST(HttpRequest.BodyPublishers.ofString(GatewayTestSupport.HSS_BODY))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static int readiness(Replica replica) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + replica.managementPort() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(30))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static SharedStateFallback fallback(Replica replica) {
		return replica.context().getBean(SharedStateFallback.class);
	}

}
