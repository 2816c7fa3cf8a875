package dev.secgroup.gateway.sharedstate;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Redis client auto-configuration out unless
 * {@code gateway.shared-state.store} is {@code redis}: a memory replica then creates no
 * connection factory, templates or Lettuce client resources (their event-loop threads),
 * and starts faster. Registered in {@code META-INF/spring.factories}; it runs before any
 * condition is evaluated, as Boot's own class conditions do.
 */
public final class RedisClientImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String PACKAGE = "org.springframework.boot.data.redis.autoconfigure.";

	/**
	 * Every auto-configuration of Boot's Redis module, the client and what builds on it.
	 */
	static final Set<String> REDIS_AUTO_CONFIGURATIONS = Set.of(PACKAGE + "DataRedisAutoConfiguration",
			PACKAGE + "DataRedisReactiveAutoConfiguration", PACKAGE + "DataRedisRepositoriesAutoConfiguration",
			PACKAGE + "health.DataRedisHealthContributorAutoConfiguration",
			PACKAGE + "health.DataRedisReactiveHealthContributorAutoConfiguration",
			PACKAGE + "observation.LettuceObservationAutoConfiguration");

	private boolean redisStore;

	@Override
	public void setEnvironment(Environment environment) {
		// Bound as a string, as relaxed as every property (an environment variable, any
		// case); an invalid value is reported by SharedStateProperties' own binding.
		this.redisStore = Binder.get(environment)
			.bind("gateway.shared-state.store", String.class)
			.map((store) -> store.trim().toUpperCase(Locale.ROOT).equals(SharedStateProperties.Store.REDIS.name()))
			.orElse(false);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String candidate = autoConfigurationClasses[i];
			matches[i] = this.redisStore || candidate == null || !REDIS_AUTO_CONFIGURATIONS.contains(candidate);
		}
		return matches;
	}

}
