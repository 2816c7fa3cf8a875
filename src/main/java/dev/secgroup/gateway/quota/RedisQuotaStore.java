package dev.secgroup.gateway.quota;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.secgroup.gateway.sharedstate.SharedRedis;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The quota store of all replicas: one Lua script per decision (one round trip), run
 * atomically by Redis on its own clock. Keys share one hash tag per bucket, so that a
 * Redis Cluster keeps a bucket's keys on one node.
 */
final class RedisQuotaStore implements QuotaStore {

	private static final RedisScript<List> RESERVE = script("reserve.lua", List.class);

	private static final RedisScript<Long> PAUSE = script("pause.lua", Long.class);

	private static final RedisScript<Long> PAUSED = script("paused.lua", Long.class);

	private final SharedRedis redis;

	private final Duration timeout;

	/**
	 * @param timeout backstop on each script call, on top of the connection's own command
	 * timeout ({@code spring.data.redis.timeout})
	 */
	RedisQuotaStore(SharedRedis redis, Duration timeout) {
		this.redis = redis;
		this.timeout = timeout;
	}

	@Override
	public Mono<Reservation> reserve(String bucket, String caller, int limit, Duration window, Duration maxWait,
			int maxWaiting) {
		List<String> keys = List.of(key(bucket, "turns"), key(bucket, "pause"), key(bucket, "waiting:" + hash(caller)));
		List<String> args = List.of(Integer.toString(limit), Long.toString(window.toMillis()),
				Long.toString(maxWait.toMillis()), Integer.toString(maxWaiting), UUID.randomUUID().toString());
		return redis.reactive()
			.execute(RESERVE, keys, args)
			.collectList()
			.timeout(timeout)
			.map(items -> reservation(items.size() == 1 && items.get(0) instanceof List<?> inner ? inner : items));
	}

	@Override
	public Mono<Void> pause(String bucket, Duration pause) {
		return redis.reactive()
			.execute(PAUSE, List.of(key(bucket, "pause")), List.of(Long.toString(pause.toMillis())))
			.next()
			.timeout(timeout)
			.then();
	}

	@Override
	public Mono<Duration> pausedFor(String bucket) {
		return redis.reactive()
			.execute(PAUSED, List.of(key(bucket, "pause")), List.of())
			.next()
			.timeout(timeout)
			.map(Duration::ofMillis)
			.defaultIfEmpty(Duration.ZERO);
	}

	private String key(String bucket, String part) {
		return redis.key("quota", "{" + bucket + "}", part);
	}

	private static Reservation reservation(List<?> answer) {
		long outcome = ((Number) answer.get(0)).longValue();
		Duration wait = Duration.ofMillis(((Number) answer.get(1)).longValue());
		int remaining = ((Number) answer.get(2)).intValue();
		Reservation.Outcome decided = outcome == 1 ? Reservation.Outcome.GRANTED
				: outcome == 0 ? Reservation.Outcome.QUOTA : Reservation.Outcome.WAITING;
		return new Reservation(decided, wait, remaining);
	}

	/** Caller names may hold any character; keys get a fixed-length digest. */
	private static String hash(String caller) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(caller.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Read once, with this class's own class loader: the first call may come on a request
	 * thread whose context class loader is the web server's.
	 */
	private static <T> RedisScript<T> script(String name, Class<T> type) {
		try (InputStream in = RedisQuotaStore.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("script " + name + " is missing");
			}
			return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
