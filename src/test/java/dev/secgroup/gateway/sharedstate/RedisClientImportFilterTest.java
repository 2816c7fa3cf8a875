package dev.secgroup.gateway.sharedstate;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's Redis auto-configuration is imported for the Redis store only. */
class RedisClientImportFilterTest {

	private static final String REDIS = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration";

	private static final String LETTUCE_OBSERVATION = "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration";

	private static final String JACKSON = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration";

	private static final String[] CANDIDATES = { REDIS, JACKSON, null, LETTUCE_OBSERVATION };

	@Test
	void theMemoryStoreDefaultLeavesEveryRedisAutoConfigurationOut() {
		assertThat(filter(new MockEnvironment()).match(CANDIDATES, null)).containsExactly(false, true, true, false);
		assertThat(filter(new MockEnvironment().withProperty("gateway.shared-state.store", "memory")).match(CANDIDATES,
				null))
			.containsExactly(false, true, true, false);
	}

	@Test
	void theRedisStoreKeepsThemWhateverTheCase() {
		assertThat(filter(new MockEnvironment().withProperty("gateway.shared-state.store", "redis")).match(CANDIDATES,
				null))
			.containsExactly(true, true, true, true);
		assertThat(filter(new MockEnvironment().withProperty("gateway.shared-state.store", "REDIS")).match(CANDIDATES,
				null))
			.containsExactly(true, true, true, true);
	}

	@Test
	void theStoreIsReadFromAnEnvironmentVariableToo() {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("GATEWAY_SHAREDSTATE_STORE", "redis")));
		assertThat(filter(environment).match(CANDIDATES, null)).containsExactly(true, true, true, true);
	}

	@Test
	void everyModuleAutoConfigurationIsNamedAndExists() {
		assertThat(RedisClientImportFilter.REDIS_AUTO_CONFIGURATIONS).contains(REDIS, LETTUCE_OBSERVATION)
			.allSatisfy((name) -> assertThat(Class.forName(name)).isNotNull());
	}

	private static RedisClientImportFilter filter(MockEnvironment environment) {
		RedisClientImportFilter filter = new RedisClientImportFilter();
		filter.setEnvironment(environment);
		return filter;
	}

}
