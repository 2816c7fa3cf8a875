package dev.secgroup.gateway.sharedstate;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.properties.bind.BindException;
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

	private static final String STORE = "gateway.shared-state.store";

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
		this.redisStore = store(environment) == SharedStateProperties.Store.REDIS;
	}

	/**
	 * The store as SharedStateProperties will bind it (Boot's relaxed names and lenient
	 * enum conversion); an invalid value is left to that binding to report.
	 */
	private static SharedStateProperties.@Nullable Store store(Environment environment) {
		try {
			return Binder.get(environment).bind(STORE, SharedStateProperties.Store.class).orElse(null);
		}
		catch (BindException invalid) {
			return null;
		}
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
