package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The circuit breakers of one upstream, one per region its calls go to, so that an outage
 * of one region's endpoint opens that region's circuit only. The breaker of
 * {@code gateway.region}, and of an endpoint without {@code {region}}, is named after the
 * upstream ({@code vpc}): its configuration, metrics and health stay where they were.
 * Another region's is named {@code vpc@<region>} and has the upstream's configuration.
 * Regions come from configuration ({@code gateway.projects.*.region}), so there are few.
 */
final class RegionCircuitBreakers {

	private final String upstream;

	private final @Nullable String defaultRegion;

	private final CircuitBreakerRegistry registry;

	private final Clock clock;

	private final Breaker base;

	private final Map<String, Breaker> otherRegions = new ConcurrentHashMap<>();

	RegionCircuitBreakers(String upstream, @Nullable String defaultRegion, CircuitBreakerRegistry registry,
			Clock clock) {
		this.upstream = upstream;
		this.defaultRegion = defaultRegion;
		this.registry = registry;
		this.clock = clock;
		this.base = breaker(registry.circuitBreaker(upstream));
	}

	/**
	 * The breaker of calls to {@code region}; {@code null}: the endpoint has no region.
	 */
	Breaker of(@Nullable String region) {
		if (region == null || region.equals(defaultRegion)) {
			return base;
		}
		return otherRegions.computeIfAbsent(region, (key) -> breaker(
				registry.circuitBreaker(upstream + "@" + key, base.circuitBreaker().getCircuitBreakerConfig())));
	}

	private Breaker breaker(CircuitBreaker circuitBreaker) {
		return new Breaker(circuitBreaker, new CircuitOpenPeriod(circuitBreaker, clock));
	}

	/** A region's breaker and how long its circuit stays open. */
	record Breaker(CircuitBreaker circuitBreaker, CircuitOpenPeriod openPeriod) {
	}

}
