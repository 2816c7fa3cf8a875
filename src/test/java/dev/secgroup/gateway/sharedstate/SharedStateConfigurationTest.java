package dev.secgroup.gateway.sharedstate;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.support.SharedRedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Which store the features get, and that the Redis one keeps keys under the prefix. */
@ExtendWith(SharedRedisServer.class)
class SharedStateConfigurationTest {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class))
		.withUserConfiguration(SharedStateConfiguration.class);

	@Test
	void memoryIsTheDefaultAndOffersNoRedis() {
		contexts.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SharedStateProperties.class).store())
				.isEqualTo(SharedStateProperties.Store.MEMORY);
			assertThat(context).doesNotHaveBean(SharedRedis.class);
			assertThat(context).hasSingleBean(SharedStateFallback.class);
		});
	}

	@Test
	void redisStoreStartsEvenWhenRedisIsUnreachable() {
		contexts
			.withPropertyValues("gateway.shared-state.store=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=1")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(SharedRedis.class);
			});
	}

	@Test
	void redisStoreKeepsKeysUnderThePrefix() {
		SharedRedisServer.Endpoint redis = SharedRedisServer.endpoint();
		String prefix = SharedRedisServer.randomKeyPrefix();
		contexts
			.withPropertyValues("gateway.shared-state.store=redis", "gateway.shared-state.key-prefix=" + prefix,
					"spring.data.redis.host=" + redis.host(), "spring.data.redis.port=" + redis.port())
			.run(context -> {
				SharedRedis shared = context.getBean(SharedRedis.class);
				String key = shared.key("probe", "one");
				assertThat(key).isEqualTo(prefix + "probe:one");
				shared.blocking().opsForValue().set(key, "written", Duration.ofSeconds(30));
				assertThat(shared.reactive().opsForValue().get(key).block(Duration.ofSeconds(5))).isEqualTo("written");
				shared.blocking().delete(key);
			});
	}

}
