package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * The quota store of one replica (and every replica's fallback while Redis cannot be
 * reached): the same sliding-window reservations as the Redis script, in memory. Each
 * bucket keeps at most its last {@code limit} turns of the current window, so memory is
 * bounded by the buckets configured, not by traffic.
 */
final class MemoryQuotaStore implements QuotaStore {

	private final LongSupplier nowMillis;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	MemoryQuotaStore(LongSupplier nowMillis) {
		this.nowMillis = nowMillis;
	}

	/** A store on this JVM's monotonic clock. */
	static MemoryQuotaStore monotonic() {
		return new MemoryQuotaStore(() -> System.nanoTime() / 1_000_000);
	}

	@Override
	public Mono<Reservation> reserve(String bucket, String caller, int limit, Duration window, Duration maxWait,
			int maxWaiting) {
		return Mono.fromSupplier(() -> reserveNow(bucket, caller, limit, window, maxWait, maxWaiting));
	}

	Reservation reserveNow(String bucket, String caller, int limit, Duration window, Duration maxWait, int maxWaiting) {
		return buckets.computeIfAbsent(bucket, key -> new Bucket())
			.reserve(nowMillis.getAsLong(), caller, limit, window.toMillis(), maxWait.toMillis(), maxWaiting);
	}

	@Override
	public Mono<Void> pause(String bucket, Duration pause) {
		return Mono.fromRunnable(() -> pauseNow(bucket, pause));
	}

	void pauseNow(String bucket, Duration pause) {
		buckets.computeIfAbsent(bucket, key -> new Bucket()).pause(nowMillis.getAsLong() + pause.toMillis());
	}

	@Override
	public Mono<Duration> pausedFor(String bucket) {
		return Mono.fromSupplier(() -> {
			Bucket state = buckets.get(bucket);
			return state == null ? Duration.ZERO : state.pausedFor(nowMillis.getAsLong());
		});
	}

	/** Forgets every bucket: turns, pauses and waiting callers (tests start afresh). */
	void clear() {
		buckets.clear();
	}

	/** One bucket's turns (ascending), its pause, and each caller's turns to come. */
	private static final class Bucket {

		private final Deque<Long> turns = new ArrayDeque<>();

		private final Map<String, Deque<Long>> waiting = new ConcurrentHashMap<>();

		private long pausedUntil;

		synchronized Reservation reserve(long now, String caller, int limit, long window, long maxWait,
				int maxWaiting) {
			// A turn a whole window old constrains no later one; the rest is at most the
			// last `limit`: a call costs the same whatever the quota.
			while (!turns.isEmpty() && (turns.peekFirst() <= now - window || turns.size() > limit)) {
				turns.removeFirst();
			}
			long at = now;
			if (turns.size() == limit) {
				// The turn `limit` places back must be a whole window before this one.
				at = Math.max(at, turns.peekFirst() + window);
			}
			at = Math.max(at, pausedUntil);
			long wait = at - now;
			if (wait > maxWait) {
				return new Reservation(Reservation.Outcome.QUOTA, Duration.ofMillis(wait), 0);
			}
			if (wait > 0) {
				Deque<Long> mine = waiting.computeIfAbsent(caller, key -> new ArrayDeque<>());
				mine.removeIf(turn -> turn <= now);
				if (mine.size() >= maxWaiting) {
					return new Reservation(Reservation.Outcome.WAITING, Duration.ofMillis(wait), 0);
				}
				mine.addLast(at);
			}
			waiting.values().removeIf(Deque::isEmpty);
			int before = turns.size();
			turns.addLast(at);
			if (turns.size() > limit) {
				turns.removeFirst();
			}
			// Every turn kept is less than a window old: this one and up to limit - 1
			// before it count.
			return new Reservation(Reservation.Outcome.GRANTED, Duration.ofMillis(wait),
					Math.max(0, limit - Math.min(before + 1, limit)));
		}

		synchronized void pause(long until) {
			pausedUntil = Math.max(pausedUntil, until);
		}

		synchronized Duration pausedFor(long now) {
			return Duration.ofMillis(Math.max(0, pausedUntil - now));
		}

	}

}
