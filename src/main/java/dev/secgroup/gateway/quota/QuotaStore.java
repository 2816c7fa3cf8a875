package dev.secgroup.gateway.quota;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Sliding-window reservations: at most {@code limit} turns in any window of
 * {@code window}, handed out in arrival order. A turn is reserved only when it is at most
 * {@code maxWait} away, and, when it is in the future, only while the caller has fewer
 * than {@code maxWaiting} turns still to come. A pause (upstream said 429) moves every
 * later turn past its end.
 */
interface QuotaStore {

	/**
	 * Reserves the next turn of {@code bucket} for {@code caller}.
	 * @param bucket what is limited (an upstream, a client)
	 * @param caller who waits (for the waiting limit)
	 * @param limit turns per window
	 * @param window the window
	 * @param maxWait the longest acceptable wait
	 * @param maxWaiting turns of the caller that may be waiting at once
	 */
	Mono<Reservation> reserve(String bucket, String caller, int limit, Duration window, Duration maxWait,
			int maxWaiting);

	/** No turn of {@code bucket} before {@code pause} from now. */
	Mono<Void> pause(String bucket, Duration pause);

	/** How long {@code bucket} is still paused ({@link Duration#ZERO} when it is not). */
	Mono<Duration> pausedFor(String bucket);

}
