package dev.secgroup.gateway.quota;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.support.RedisConnections;
import dev.secgroup.gateway.support.Replica;
import dev.secgroup.gateway.support.SharedRedisServer;

/** The quota scenarios on one replica with the Redis store. */
@ExtendWith(SharedRedisServer.class)
class QuotaRedisStoreTest extends QuotaScenarios {

	@Override
	List<Replica> startReplicas(Map<String, String> common) {
		return List.of(Replica.start(redis(common, SharedRedisServer.randomKeyPrefix())));
	}

	static Map<String, String> redis(Map<String, String> common, String prefix) {
		Map<String, String> properties = new LinkedHashMap<>(common);
		properties.put("gateway.shared-state.store", "redis");
		properties.put("gateway.shared-state.key-prefix", prefix);
		properties.put("spring.data.redis.host", SharedRedisServer.endpoint().host());
		properties.put("spring.data.redis.port", Integer.toString(SharedRedisServer.endpoint().port()));
		// A loaded test machine must not turn a slow answer into a fallback.
		properties.put("spring.data.redis.timeout", RedisConnections.TIMEOUT.toMillis() + "ms");
		properties.put("spring.data.redis.connect-timeout", RedisConnections.TIMEOUT.toMillis() + "ms");
		return properties;
	}

}
