package dev.secgroup.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * The store of one replica ({@code gateway.shared-state.store=memory}): a Caffeine cache
 * bounded in entries and retention. Right for one replica; with several, each sees only
 * its own keys.
 */
final class MemoryIdempotencyStore implements IdempotencyStore {

	private final Cache<String, Entry> entries;

	private final Duration lease;

	private final Clock clock;

	MemoryIdempotencyStore(long maxEntries, Duration lease, Duration ttl, Clock clock) {
		this.entries = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfterWrite(ttl)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			// Evictions on the caller's thread: no pool task per write.
			.executor(Runnable::run)
			.build();
		this.lease = lease;
		this.clock = clock;
	}

	@Override
	public Claim claim(String key, String fingerprint, String owner) {
		Instant now = clock.instant();
		Claim[] result = new Claim[1];
		entries.asMap().compute(key, (k, entry) -> {
			if (entry == null || (entry.answer() == null && !entry.leaseUntil().isAfter(now)
					&& entry.fingerprint().equals(fingerprint))) {
				result[0] = new Claim.Claimed(entry != null);
				return new Entry(fingerprint, owner, now.plus(lease), null);
			}
			if (!entry.fingerprint().equals(fingerprint)) {
				result[0] = new Claim.Mismatch();
			}
			else if (entry.answer() != null) {
				result[0] = new Claim.Done(entry.answer());
			}
			else {
				result[0] = new Claim.Running(Duration.between(now, entry.leaseUntil()));
			}
			return entry;
		});
		return result[0];
	}

	@Override
	public boolean complete(String key, String owner, StoredAnswer answer) {
		boolean[] done = new boolean[1];
		entries.asMap().computeIfPresent(key, (k, entry) -> {
			if (entry.answer() != null || !entry.owner().equals(owner)) {
				return entry;
			}
			done[0] = true;
			return new Entry(entry.fingerprint(), owner, entry.leaseUntil(), answer);
		});
		return done[0];
	}

	@Override
	public boolean release(String key, String owner) {
		boolean[] released = new boolean[1];
		entries.asMap().computeIfPresent(key, (k, entry) -> {
			if (entry.answer() != null || !entry.owner().equals(owner)) {
				return entry;
			}
			released[0] = true;
			return null;
		});
		return released[0];
	}

	/** Keys held now. */
	long size() {
		entries.cleanUp();
		return entries.estimatedSize();
	}

	/** A claim ({@code answer == null}) or a finished call. */
	private record Entry(String fingerprint, String owner, Instant leaseUntil, @Nullable StoredAnswer answer) {
	}

}
