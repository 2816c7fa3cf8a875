package dev.secgroup.gateway.quota;

import java.time.Duration;

import reactor.core.publisher.Mono;

import dev.secgroup.gateway.sharedstate.SharedStateFallback;

/**
 * Redis while it answers, this replica's memory while it does not: a quota never fails a
 * call because Redis is away, it only stops being shared for that time (each replica then
 * keeps the whole quota to itself). Pauses are also kept locally, so that the fallback
 * honours them.
 */
final class FallbackQuotaStore implements QuotaStore {

	private final QuotaStore shared;

	private final QuotaStore local;

	private final SharedStateFallback fallback;

	FallbackQuotaStore(QuotaStore shared, QuotaStore local, SharedStateFallback fallback) {
		this.shared = shared;
		this.local = local;
		this.fallback = fallback;
	}

	@Override
	public Mono<Reservation> reserve(String bucket, String caller, int limit, Duration window, Duration maxWait,
			int maxWaiting) {
		Mono<Reservation> locally = local.reserve(bucket, caller, limit, window, maxWait, maxWaiting);
		if (!fallback.tryShared()) {
			return locally;
		}
		return shared.reserve(bucket, caller, limit, window, maxWait, maxWaiting)
			.doOnNext(answer -> fallback.succeeded())
			.onErrorResume(error -> {
				fallback.failed(error);
				return locally;
			});
	}

	@Override
	public Mono<Void> pause(String bucket, Duration pause) {
		Mono<Void> everywhere = fallback.tryShared() ? shared.pause(bucket, pause).onErrorResume(error -> {
			fallback.failed(error);
			return Mono.empty();
		}) : Mono.empty();
		return local.pause(bucket, pause).then(everywhere);
	}

	@Override
	public Mono<Duration> pausedFor(String bucket) {
		Mono<Duration> locally = local.pausedFor(bucket);
		if (!fallback.tryShared()) {
			return locally;
		}
		return shared.pausedFor(bucket).doOnNext(answer -> fallback.succeeded()).onErrorResume(error -> {
			fallback.failed(error);
			return locally;
		});
	}

}
