package dev.secgroup.gateway.sharedstate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared-state store. {@link SharedRedis} exists only with
 * {@code gateway.shared-state.store=redis}; with {@code memory} nothing touches Redis and
 * Spring Boot's Redis client is not even configured ({@link RedisClientImportFilter}).
 * With Redis, the connection factory is lazy and Redis' health indicator is switched off
 * in application.yaml, so neither a missing Redis nor one that goes away changes health
 * or readiness.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharedStateProperties.class)
class SharedStateConfiguration {

	@Bean
	SharedStateFallback sharedStateFallback(SharedStateProperties properties, ObjectProvider<MeterRegistry> meters) {
		return new SharedStateFallback(properties.fallbackRecheck(), System::nanoTime,
				meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnProperty(name = "gateway.shared-state.store", havingValue = "redis")
	SharedRedis sharedRedis(SharedStateProperties properties, ReactiveStringRedisTemplate reactive,
			StringRedisTemplate blocking) {
		return new SharedRedis(reactive, blocking, properties.keyPrefix());
	}

}
