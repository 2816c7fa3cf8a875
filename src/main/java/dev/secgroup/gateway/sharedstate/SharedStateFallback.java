package dev.secgroup.gateway.sharedstate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this replica is working on local state because Redis cannot be reached, for the
 * features that may fall back (upstream quotas). A failure switches to the fallback
 * (logged once, gauge {@code gateway.shared.state.fallback} = 1); Redis is tried again
 * after {@code gateway.shared-state.fallback-recheck}, so that a replica returns to the
 * shared state by itself, without paying Redis' timeout on every call meanwhile. Never
 * part of readiness: a replica on its fallback still serves.
 */
public final class SharedStateFallback {

	/** Gauge: 1 while this replica works on its local fallback, else 0. */
	public static final String METRIC = "gateway.shared.state.fallback";

	private static final Logger log = LoggerFactory.getLogger(SharedStateFallback.class);

	private final long recheckNanos;

	private final LongSupplier nanoTime;

	private final AtomicBoolean fallingBack = new AtomicBoolean();

	private final AtomicLong nextTry = new AtomicLong();

	public SharedStateFallback(Duration recheck, LongSupplier nanoTime, MeterRegistry meters) {
		this.recheckNanos = recheck.toNanos();
		this.nanoTime = nanoTime;
		Gauge.builder(METRIC, fallingBack, state -> state.get() ? 1 : 0)
			.description("1 while this replica works on local state because Redis cannot be reached")
			.register(meters);
	}

	/**
	 * Whether to use Redis now: always unless falling back; while falling back, one call
	 * per recheck interval tries it again.
	 */
	public boolean tryShared() {
		if (!fallingBack.get()) {
			return true;
		}
		long now = nanoTime.getAsLong();
		long next = nextTry.get();
		return now - next >= 0 && nextTry.compareAndSet(next, now + recheckNanos);
	}

	/** Whether this replica is on its local fallback. */
	public boolean active() {
		return fallingBack.get();
	}

	/** Redis failed: fall back (logged once, without the message's details). */
	public void failed(Throwable error) {
		nextTry.set(nanoTime.getAsLong() + recheckNanos);
		if (fallingBack.compareAndSet(false, true)) {
			log.warn("Shared state: Redis cannot be reached ({}); this replica uses local state until it can",
					error.getClass().getSimpleName());
		}
	}

	/** Redis answered: back on the shared state (logged once). */
	public void succeeded() {
		if (fallingBack.get() && fallingBack.compareAndSet(true, false)) {
			log.info("Shared state: Redis answers again; this replica uses the shared state");
		}
	}

}
