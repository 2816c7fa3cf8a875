package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.QuotaOutcome;
import dev.secgroup.gateway.upstream.UpstreamProperties;
import dev.secgroup.gateway.upstream.UpstreamQuota;
import dev.secgroup.gateway.upstream.UpstreamQuotaExceededException;

/**
 * The upstreams' quotas ({@code gateway.upstreams.<name>.quota.*}): before each attempt a
 * call reserves its turn in the store, then waits for it without holding a thread
 * ({@code Mono.delay}), bounded by {@code max-wait} and by its own deadline. A call that
 * cannot have a turn in time, or whose client already has
 * {@code gateway.quotas.max-waiting-per-client} calls in line, is refused at once.
 * <p>
 * An upstream without a quota reserves nothing; it only keeps the pause every replica
 * holds after upstream answered 429 (one store read per attempt).
 * <p>
 * Every turn is recorded in the call's context: the time waited and, when the call was
 * throttled, how ({@code quota_wait_ms} and {@code quota_outcome} of the audit event).
 */
final class SharedUpstreamQuota implements UpstreamQuota {

	/**
	 * How long an upstream without a quota (no window) is paused after a 429 that says
	 * nothing about when to come back.
	 */
	static final Duration PAUSE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(1);

	private final Map<String, UpstreamProperties.Quota> quotas;

	private final QuotaStore store;

	private final QuotaProperties properties;

	private final QuotaMetrics metrics;

	private final Supplier<Callers.Caller> callers;

	SharedUpstreamQuota(Map<String, UpstreamProperties.Quota> quotas, QuotaStore store, QuotaProperties properties,
			QuotaMetrics metrics, Supplier<Callers.Caller> callers) {
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
			return new PauseOnlyCall(upstream, callers.get().call());
		}
		return new QuotaCall(upstream, quota, callers.get());
	}

	/** One call's turns: one per attempt. */
	private final class QuotaCall implements Call {

		private final String upstream;

		private final UpstreamProperties.Quota quota;

		private final Callers.Caller caller;

		QuotaCall(String upstream, UpstreamProperties.Quota quota, Callers.Caller caller) {
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
			return store
				.reserve(upstream, caller.name(), quota.requests(), window, allowed, properties.maxWaitingPerClient())
				.flatMap(reservation -> {
					if (!reservation.granted()) {
						Duration waited = since(startNanos);
						metrics.refused(upstream, waited, reservation.outcome());
						record(caller.call(), waited, outcome(reservation));
						return Mono.error(new UpstreamQuotaExceededException(upstream, reason(reservation),
								reservation.delay(), quota.requests(), quota.per()));
					}
					if (reservation.delay().isZero()) {
						return sent(startNanos, reservation.remaining(), null);
					}
					// After the wait, a pause set meanwhile (upstream said 429) takes the
					// turn away: the call lines up again behind it, within what is left.
					return Mono.delay(reservation.delay())
						.then(store.pausedFor(upstream))
						.flatMap(paused -> paused.isZero()
								? sent(startNanos, reservation.remaining(), QuotaOutcome.WAITED)
								: turn(left(allowed, startNanos), startNanos));
				});
		}

		private Mono<Void> sent(long startNanos, int remaining, @Nullable QuotaOutcome outcome) {
			Duration waited = since(startNanos);
			metrics.sent(upstream, waited, remaining);
			record(caller.call(), waited, outcome);
			return Mono.empty();
		}

		@Override
		public Mono<Void> throttled(@Nullable Duration retryAfter) {
			return store.pause(upstream, retryAfter != null ? retryAfter : quota.per());
		}

	}

	/**
	 * A call to an upstream without a quota: sent at once unless upstream said 429
	 * recently, then held back (without a thread) until the pause ends, or refused at
	 * once when the pause outlasts what the call may wait.
	 */
	private final class PauseOnlyCall implements Call {

		private final String upstream;

		private final @Nullable CallContext call;

		PauseOnlyCall(String upstream, @Nullable CallContext call) {
			this.upstream = upstream;
			this.call = call;
		}

		@Override
		public Mono<Void> acquire(Duration longestWait) {
			return Mono.defer(() -> hold(longestWait, System.nanoTime(), false));
		}

		private Mono<Void> hold(Duration allowed, long startNanos, boolean held) {
			return store.pausedFor(upstream).flatMap(paused -> {
				if (paused.isZero()) {
					if (held) {
						record(call, since(startNanos), QuotaOutcome.WAITED);
					}
					return Mono.empty();
				}
				Duration left = left(allowed, startNanos);
				if (paused.compareTo(left) > 0) {
					record(call, since(startNanos), QuotaOutcome.REFUSED_PAUSED);
					metrics.refusedWhilePaused(upstream);
					return Mono.error(new UpstreamQuotaExceededException(upstream,
							UpstreamQuotaExceededException.Reason.PAUSED, paused, 0, Duration.ZERO));
				}
				return Mono.delay(paused).then(Mono.defer(() -> hold(allowed, startNanos, true)));
			});
		}

		@Override
		public Mono<Void> throttled(@Nullable Duration retryAfter) {
			return store.pause(upstream, retryAfter != null ? retryAfter : PAUSE_WITHOUT_RETRY_AFTER);
		}

	}

	private static void record(@Nullable CallContext call, Duration waited, @Nullable QuotaOutcome outcome) {
		if (call != null) {
			call.quotaTurn(waited.toMillis(), outcome);
		}
	}

	private static Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

	private static Duration left(Duration allowed, long startNanos) {
		Duration left = allowed.minusNanos(System.nanoTime() - startNanos);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static UpstreamQuotaExceededException.Reason reason(Reservation reservation) {
		return reservation.outcome() == Reservation.Outcome.WAITING ? UpstreamQuotaExceededException.Reason.WAITING
				: UpstreamQuotaExceededException.Reason.QUOTA;
	}

	private static QuotaOutcome outcome(Reservation reservation) {
		return reservation.outcome() == Reservation.Outcome.WAITING ? QuotaOutcome.REFUSED_WAITING
				: QuotaOutcome.REFUSED_QUOTA;
	}

}
