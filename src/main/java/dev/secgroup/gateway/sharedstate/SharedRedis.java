package dev.secgroup.gateway.sharedstate;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis of the shared state, present only when {@code gateway.shared-state.store} is
 * {@code redis}: features ask for it with {@code ObjectProvider<SharedRedis>} and keep
 * their state in memory when there is none. Connections are Spring Boot's (Lettuce,
 * {@code spring.data.redis.*}) and are opened on first use, so a Redis that is down never
 * stops the start.
 */
public final class SharedRedis {

	private final ReactiveStringRedisTemplate reactive;

	private final StringRedisTemplate blocking;

	private final String keyPrefix;

	/**
	 * @param reactive non-blocking commands
	 * @param blocking blocking commands
	 * @param keyPrefix prefix of every key
	 */
	public SharedRedis(ReactiveStringRedisTemplate reactive, StringRedisTemplate blocking, String keyPrefix) {
		this.reactive = reactive;
		this.blocking = blocking;
		this.keyPrefix = keyPrefix;
	}

	/** Commands that never block the calling thread (for reactor threads). */
	public ReactiveStringRedisTemplate reactive() {
		return reactive;
	}

	/** Blocking commands (for request threads). */
	public StringRedisTemplate blocking() {
		return blocking;
	}

	/**
	 * The Redis key of {@code parts}: the configured prefix, then the parts joined with
	 * {@code ':'}. Callers must pass values that cannot contain a separator or bound them
	 * first (e.g. by hashing caller-supplied values).
	 */
	public String key(String... parts) {
		return keyPrefix + String.join(":", parts);
	}

}
