package dev.secgroup.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.secgroup.gateway.sharedstate.SharedRedis;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The store every replica shares ({@code gateway.shared-state.store=redis}). One Redis
 * hash per key holds the claim (fingerprint, owner, lease end) and then the answer; each
 * command is one Lua script, so that claiming (create if absent, with its expiry),
 * completing and releasing (only by the claim's owner) are atomic across replicas. Lease
 * ends are judged by the Redis server's clock ({@code TIME}), never a replica's.
 * <p>
 * Redis must not evict these keys ({@code maxmemory-policy noeviction}): an evicted claim
 * lets a retry run a second time.
 */
@SuppressWarnings("rawtypes")
final class RedisIdempotencyStore implements IdempotencyStore {

	/**
	 * KEYS[1] key; ARGV fingerprint, owner, lease ms, ttl ms. Answers CLAIMED,
	 * TAKEN_OVER, MISMATCH, RUNNING + ms left, or DONE + the answer's fields.
	 */
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local now = redis.call('TIME')
			now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
			local record = redis.call('HMGET', KEYS[1], 'state', 'fingerprint', 'lease_until')
			if not record[1] then
			  redis.call('HSET', KEYS[1], 'state', 'claimed', 'fingerprint', ARGV[1], 'owner', ARGV[2],
			    'lease_until', now + tonumber(ARGV[3]))
			  redis.call('PEXPIRE', KEYS[1], ARGV[4])
			  return {'CLAIMED'}
			end
			if record[2] ~= ARGV[1] then
			  return {'MISMATCH'}
			end
			if record[1] == 'done' then
			  local answer = redis.call('HMGET', KEYS[1], 'status', 'content_type', 'upstream_request_id',
			    'error_code', 'request_id', 'body', 'omitted')
			  return {'DONE', answer[1], answer[2], answer[3], answer[4], answer[5], answer[6], answer[7]}
			end
			local left = tonumber(record[3]) - now
			if left > 0 then
			  return {'RUNNING', tostring(left)}
			end
			redis.call('HSET', KEYS[1], 'owner', ARGV[2], 'lease_until', now + tonumber(ARGV[3]))
			redis.call('PEXPIRE', KEYS[1], ARGV[4])
			return {'TAKEN_OVER'}
			""", List.class);

	/**
	 * KEYS[1] key; ARGV owner, status, content type, upstream request id, error code,
	 * request id, body, size of the body not kept, ttl ms.
	 */
	private static final RedisScript<Long> COMPLETE = RedisScript.of("""
			local record = redis.call('HMGET', KEYS[1], 'state', 'owner')
			if record[1] ~= 'claimed' or record[2] ~= ARGV[1] then
			  return 0
			end
			redis.call('HSET', KEYS[1], 'state', 'done', 'status', ARGV[2], 'content_type', ARGV[3],
			  'upstream_request_id', ARGV[4], 'error_code', ARGV[5], 'request_id', ARGV[6], 'body', ARGV[7],
			  'omitted', ARGV[8])
			redis.call('HDEL', KEYS[1], 'owner', 'lease_until')
			redis.call('PEXPIRE', KEYS[1], ARGV[9])
			return 1
			""", Long.class);

	/** KEYS[1] key; ARGV owner. */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local record = redis.call('HMGET', KEYS[1], 'state', 'owner')
			if record[1] ~= 'claimed' or record[2] ~= ARGV[1] then
			  return 0
			end
			redis.call('DEL', KEYS[1])
			return 1
			""", Long.class);

	private static final byte[] NONE = new byte[0];

	/** Script answers as Redis sent them: bulk strings stay bytes, integers numbers. */
	private static final RedisSerializer<?> RAW = RedisSerializer.byteArray();

	private final SharedRedis redis;

	private final byte[] leaseMillis;

	private final byte[] ttlMillis;

	RedisIdempotencyStore(SharedRedis redis, Duration lease, Duration ttl) {
		this.redis = redis;
		this.leaseMillis = bytes(Long.toString(lease.toMillis()));
		this.ttlMillis = bytes(Long.toString(ttl.toMillis()));
	}

	@Override
	public Claim claim(String key, String fingerprint, String owner) {
		List<?> result = run(CLAIM, key, bytes(fingerprint), bytes(owner), leaseMillis, ttlMillis);
		String outcome = text(result.get(0));
		return switch (outcome) {
			case "CLAIMED" -> new Claim.Claimed(false);
			case "TAKEN_OVER" -> new Claim.Claimed(true);
			case "MISMATCH" -> new Claim.Mismatch();
			case "RUNNING" -> new Claim.Running(Duration.ofMillis(Long.parseLong(text(result.get(1)))));
			case "DONE" -> new Claim.Done(new StoredAnswer(Integer.parseInt(text(result.get(1))),
					optional(result.get(2)), optional(result.get(3)), optional(result.get(4)), optional(result.get(5)),
					(byte[]) result.get(6), omitted(result.size() > 7 ? result.get(7) : null)));
			default -> throw new IllegalStateException("unexpected answer of the claim script: " + outcome);
		};
	}

	@Override
	public boolean complete(String key, String owner, StoredAnswer answer) {
		Long done = run(COMPLETE, key, bytes(owner), bytes(Integer.toString(answer.status())),
				bytes(answer.contentType()), bytes(answer.upstreamRequestId()), bytes(answer.errorCode()),
				bytes(answer.requestId()), answer.body(), bytes(Integer.toString(answer.omittedBodyBytes())),
				ttlMillis);
		return done != null && done == 1;
	}

	@Override
	public boolean release(String key, String owner) {
		Long released = run(RELEASE, key, bytes(owner));
		return released != null && released == 1;
	}

	/**
	 * Runs a script on the key (under the shared-state prefix), its arguments as raw
	 * bytes so that an answer's body is kept byte for byte.
	 */
	@SuppressWarnings("unchecked")
	private <T> T run(RedisScript<T> script, String key, byte[]... args) {
		try {
			return redis.blocking()
				.execute(script, RedisSerializer.byteArray(), (RedisSerializer<T>) RAW, List.of(redis.key(key)),
						(Object[]) args);
		}
		catch (DataAccessException ex) {
			throw new IdempotencyStoreException("Redis: " + ex.getClass().getSimpleName(), ex);
		}
	}

	private static byte[] bytes(@Nullable String text) {
		return text == null ? NONE : text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(@Nullable Object value) {
		return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	/**
	 * The size of a body not kept; {@code 0} for a record written before there was one.
	 */
	private static int omitted(@Nullable Object value) {
		String text = optional(value);
		return text == null ? 0 : Integer.parseInt(text);
	}

	/** Absent members are stored empty. */
	private static @Nullable String optional(@Nullable Object value) {
		String text = value == null ? null : text(value);
		return text == null || text.isEmpty() ? null : text;
	}

}
