package dev.secgroup.gateway.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.secgroup.gateway.support.SharedRedisServer;

/**
 * The settings of gateway replicas that share the test Redis under one key prefix (a
 * replica is started with {@link dev.secgroup.gateway.support.Replica}, and called with
 * {@code GatewayTestSupport.send}).
 */
final class RedisReplicas {

	private RedisReplicas() {
	}

	/**
	 * Properties of a replica on the shared Redis. The command timeout is generous: a
	 * loaded test machine must not turn a slow answer into a 503.
	 */
	static Map<String, String> properties(String prefix) {
		SharedRedisServer.Endpoint redis = SharedRedisServer.endpoint();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("gateway.shared-state.store", "redis");
		properties.put("gateway.shared-state.key-prefix", prefix);
		properties.put("spring.data.redis.host", redis.host());
		properties.put("spring.data.redis.port", Integer.toString(redis.port()));
		properties.put("spring.data.redis.timeout", "5s");
		properties.put("spring.data.redis.connect-timeout", "5s");
		return properties;
	}

}
