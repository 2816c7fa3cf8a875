package dev.secgroup.gateway.deployment;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static dev.secgroup.gateway.deployment.RenderedChart.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared state and the quotas in the chart: an existing Redis (its password from a
 * Secret, by reference), the HSS quota and per-client rate limits. Rendered by Helm's own
 * engine ({@link HelmCharts}); tagged {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartSharedStateTest {

	private static final RenderedChart defaults = HelmCharts.defaults();

	private static final RenderedChart full = HelmCharts.full();

	@Test
	void sharedStateUsesTheExistingRedisWithItsPasswordFromTheSecret() {
		Map<String, Object> config = full.applicationConfig();

		assertThat(map(at(config, "gateway.shared-state"))).containsEntry("store", "redis")
			.containsEntry("key-prefix", "gw-full:");
		assertThat(map(at(config, "spring.data.redis"))).containsEntry("host", "redis.platform.svc")
			.containsEntry("port", 6380)
			.doesNotContainKey("password");
		assertThat(at(config, "spring.data.redis.ssl.enabled")).isEqualTo(true);
		assertThat(at(config, "spring.config.import")).as("the config tree is still imported")
			.isEqualTo("optional:configtree:/etc/secgroup-gateway/secrets/");
		assertThat(at(full.env().get("SPRING_DATA_REDIS_PASSWORD"), "valueFrom.secretKeyRef.name"))
			.isEqualTo("gw-redis");
		assertThat(at(full.env().get("SPRING_DATA_REDIS_PASSWORD"), "valueFrom.secretKeyRef.key"))
			.isEqualTo("redis-password");
		assertThat(map(at(config, "gateway.upstreams.hss.quota"))).containsEntry("requests", 5)
			.containsEntry("max-wait", "20s");
		assertThat(at(list(at(config, "gateway.security.clients")).get(1), "rate-limit.requests")).isEqualTo(30);
	}

	@Test
	void defaultValuesKeepTheMemoryStoreAndTheHssQuota() {
		Map<String, Object> config = defaults.applicationConfig();

		assertThat(at(config, "gateway.shared-state.store")).isEqualTo("memory");
		assertThat(at(config, "spring.data.redis")).isNull();
		assertThat(defaults.env()).doesNotContainKey("SPRING_DATA_REDIS_PASSWORD");
		assertThat(map(at(config, "gateway.upstreams.hss.quota"))).containsEntry("requests", 5)
			.containsEntry("per", "1m");
	}

}
