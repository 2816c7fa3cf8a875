package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.upstream.UpstreamProperties;
import dev.secgroup.gateway.upstream.UpstreamQuota;
import dev.secgroup.gateway.upstream.UpstreamQuotaExceededException;

/**
 * The upstreams' quotas ({@code gateway.upstreams.<name>.quota.*}): before each attempt a
 * call reserves its turn in the store, then waits for it without holding a thread
 * ({@code Mono.delay}), bounded by {@code max-wait} and by its own deadline. A call that
 * cannot have a turn in time, or whose client already has
 * {@code gateway.quotas.max-waiting-per-client} calls in line, is refused at once. An
 * upstream without a quota never touches the store.
 */
final class SharedUpstreamQuota implements UpstreamQuota {

	private final Map<String, UpstreamProperties.Quota> quotas;

	private final QuotaStore store;

	private final QuotaProperties properties;

	private final QuotaMetrics metrics;

	private final Supplier<String> callers;

	SharedUpstreamQuota(Map<String, UpstreamProperties.Quota> quotas, QuotaStore store, QuotaProperties properties,
			QuotaMetrics metrics, Supplier<String> callers) {
		this.quotas = Map.copyOf(quotas);
		this.store = store;
		this.properties = properties;
		this.metrics = metrics;
		this.callers = callers;
		this.quotas.forEach((upstream, quota) -> metrics.register(upstream, quota.requests()));
	}

	@Override
	public Call call(String upstream) {
		UpstreamProperties.Quota quota = quotas.get(upstream);
		if (quota == null) {
			return Call.UNLIMITED;
		}
		return new QuotaCall(upstream, quota, callers.get());
	}

	/** One call's turns: one per attempt. */
	private final class QuotaCall implements Call {

		private final String upstream;

		private final UpstreamProperties.Quota quota;

		private final String caller;

		QuotaCall(String upstream, UpstreamProperties.Quota quota, String caller) {
			this.upstream = upstream;
			this.quota = quota;
			this.caller = caller;
		}

		@Override
		public Mono<Void> acquire(Duration longestWait) {
			Duration allowed = quota.maxWait().compareTo(longestWait) < 0 ? quota.maxWait() : longestWait;
			return Mono.defer(() -> turn(allowed, System.nanoTime()));
		}

		private Mono<Void> turn(Duration allowed, long startNanos) {
			Duration window = quota.per().plus(properties.margin());
			return store.reserve(upstream, caller, quota.requests(), window, allowed, properties.maxWaitingPerClient())
				.flatMap(reservation -> {
					if (!reservation.granted()) {
						Duration waited = Duration.ofNanos(System.nanoTime() - startNanos);
						metrics.refused(upstream, waited, reservation.outcome());
						return Mono.error(new UpstreamQuotaExceededException(upstream, reason(reservation),
								reservation.delay(), quota.requests(), quota.per()));
					}
					if (reservation.delay().isZero()) {
						metrics.sent(upstream, Duration.ofNanos(System.nanoTime() - startNanos),
								reservation.remaining());
						return Mono.empty();
					}
					// After the wait, a pause set meanwhile (upstream said 429) takes the
					// turn away: the call lines up again behind it, within what is left.
					return Mono.delay(reservation.delay())
						.then(store.pausedFor(upstream))
						.flatMap(paused -> paused.isZero() ? sent(startNanos, reservation.remaining())
								: turn(left(allowed, startNanos), startNanos));
				});
		}

		private Mono<Void> sent(long startNanos, int remaining) {
			metrics.sent(upstream, Duration.ofNanos(System.nanoTime() - startNanos), remaining);
			return Mono.empty();
		}

		@Override
		public Mono<Void> throttled(@Nullable Duration retryAfter) {
			return store.pause(upstream, retryAfter != null ? retryAfter : quota.per());
		}

	}

	private static Duration left(Duration allowed, long startNanos) {
		Duration left = allowed.minusNanos(System.nanoTime() - startNanos);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static UpstreamQuotaExceededException.Reason reason(Reservation reservation) {
		return reservation.outcome() == Reservation.Outcome.WAITING ? UpstreamQuotaExceededException.Reason.WAITING
				: UpstreamQuotaExceededException.Reason.QUOTA;
	}

}
