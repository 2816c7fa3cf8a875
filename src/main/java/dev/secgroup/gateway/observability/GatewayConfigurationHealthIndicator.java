package dev.secgroup.gateway.observability;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.secgroup.gateway.upstream.UpstreamProperties;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness contributor {@code gatewayConfiguration}: the configuration the gateway
 * serves with is loaded, i.e. the upstreams the mirrored operations call have endpoints.
 * It never calls an upstream: an upstream that is down must not take every replica out of
 * the Service (its circuit state is the separate {@code circuitBreakers} contributor).
 * <p>
 * Configuration cannot change after start-up, so the answer is computed once.
 * <p>
 * Other readiness conditions are further {@code HealthIndicator} beans listed in
 * {@code management.endpoint.health.group.readiness.include} next to this one, such as
 * {@code credentials} (package {@code credentials}).
 */
final class GatewayConfigurationHealthIndicator implements HealthIndicator {

	/** The upstreams the mirrored operations call. */
	static final List<String> REQUIRED = List.of("vpc", "hss");

	private final Health health;

	GatewayConfigurationHealthIndicator(UpstreamProperties properties) {
		Map<String, String> endpoints = new TreeMap<>();
		properties.upstreams().forEach((name, upstream) -> endpoints.put(name, upstream.endpoint()));
		List<String> missing = REQUIRED.stream().filter(name -> !endpoints.containsKey(name)).toList();
		Health.Builder builder = missing.isEmpty() ? Health.up() : Health.down().withDetail("missing", missing);
		this.health = builder.withDetail("upstreams", endpoints).build();
	}

	@Override
	public Health health() {
		return health;
	}

}
