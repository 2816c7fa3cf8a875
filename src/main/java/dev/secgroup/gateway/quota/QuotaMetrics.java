package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The quotas' meters: {@value #WAIT} (time calls waited for their turn, by upstream and
 * outcome {@code sent}/{@code refused}), {@value #REJECTIONS} (calls answered 429, by
 * {@code limit}: the upstream's name or {@code client}; and {@code reason}) and
 * {@value #AVAILABLE} (calls still free in the upstream's window, as this replica last
 * saw it). Client names are never labels: they are unbounded.
 */
final class QuotaMetrics {

	static final String WAIT = "gateway.quota.wait";

	static final String REJECTIONS = "gateway.quota.rejections";

	static final String AVAILABLE = "gateway.quota.tokens.available";

	/** The {@code limit} label of per-client rate limits. */
	static final String CLIENT_LIMIT = "client";

	private final MeterRegistry registry;

	private final Map<String, AtomicInteger> available = new ConcurrentHashMap<>();

	QuotaMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Registers an upstream's meters, so that they are scraped before its first call. */
	void register(String upstream, int requests) {
		AtomicInteger free = available.computeIfAbsent(upstream, name -> new AtomicInteger(requests));
		Gauge.builder(AVAILABLE, free, AtomicInteger::get)
			.description("Calls still free in the upstream's quota window, as this replica last saw it")
			.tag("upstream", upstream)
			.register(registry);
		waitTimer(upstream, "sent");
		waitTimer(upstream, "refused");
		rejections(upstream, Reservation.Outcome.QUOTA);
		rejections(upstream, Reservation.Outcome.WAITING);
	}

	void registerClientLimits() {
		rejections(CLIENT_LIMIT, Reservation.Outcome.QUOTA);
	}

	void sent(String upstream, Duration waited, int remaining) {
		waitTimer(upstream, "sent").record(waited);
		AtomicInteger free = available.get(upstream);
		if (free != null) {
			free.set(remaining);
		}
	}

	void refused(String limit, Duration waited, Reservation.Outcome reason) {
		if (!CLIENT_LIMIT.equals(limit)) {
			waitTimer(limit, "refused").record(waited);
			AtomicInteger free = available.get(limit);
			if (free != null) {
				free.set(0);
			}
		}
		rejections(limit, reason).increment();
	}

	/**
	 * A call refused because upstream said 429 and the pause outlasts its wait (an
	 * upstream without a quota: reason {@code paused}).
	 */
	void refusedWhilePaused(String upstream) {
		Counter.builder(REJECTIONS)
			.description("Calls answered 429 by the gateway: an upstream's quota or a client's rate limit")
			.tag("limit", upstream)
			.tag("reason", "paused")
			.register(registry)
			.increment();
	}

	private Timer waitTimer(String upstream, String outcome) {
		return Timer.builder(WAIT)
			.description("Time calls waited in line for their turn in an upstream's quota")
			.tag("upstream", upstream)
			.tag("outcome", outcome)
			.register(registry);
	}

	private Counter rejections(String limit, Reservation.Outcome reason) {
		return Counter.builder(REJECTIONS)
			.description("Calls answered 429 by the gateway: an upstream's quota or a client's rate limit")
			.tag("limit", limit)
			.tag("reason", reason.name().toLowerCase(Locale.ROOT))
			.register(registry);
	}

}
