package dev.secgroup.gateway.support;

import java.time.Duration;

import dev.secgroup.gateway.sharedstate.SharedRedis;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A {@link SharedRedis} on a given Redis without an application context; close it to
 * release the connection. Its timeout is generous ({@link #TIMEOUT}): a loaded test
 * machine must not turn a slow answer into a fallback.
 */
public final class RedisConnections implements AutoCloseable {

	/** Redis command and connect timeout of test connections and test replicas. */
	public static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final LettuceConnectionFactory factory;

	private final SharedRedis redis;

	public RedisConnections(String host, int port, String keyPrefix) {
		this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
				LettuceClientConfiguration.builder().commandTimeout(TIMEOUT).build());
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.redis = new SharedRedis(new ReactiveStringRedisTemplate(factory), new StringRedisTemplate(factory),
				keyPrefix);
	}

	public SharedRedis redis() {
		return redis;
	}

	@Override
	public void close() {
		factory.destroy();
	}

}
