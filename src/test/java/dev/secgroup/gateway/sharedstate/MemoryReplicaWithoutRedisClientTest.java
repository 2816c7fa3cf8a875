package dev.secgroup.gateway.sharedstate;

import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway with the default memory store: application.yaml keeps Spring Boot's
 * Redis auto-configuration out, so no Redis client, connection factory or Lettuce
 * resources (event-loop threads) are created.
 */
class MemoryReplicaWithoutRedisClientTest extends GatewayTestSupport {

	@Autowired
	private ApplicationContext context;

	@Test
	void aMemoryReplicaCreatesNoRedisClient() {
		assertThat(context.getBean(SharedStateProperties.class).store()).isEqualTo(SharedStateProperties.Store.MEMORY);
		assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(context.getBeanNamesForType(ClientResources.class)).isEmpty();
		assertThat(context.getBeanNamesForType(SharedRedis.class)).isEmpty();
	}

}
