package dev.secgroup.gateway.upstream;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * When an attempt may be sent to an upstream: its quota (calls per window, shared by the
 * replicas), and the pause every replica keeps after upstream answered 429. The adapter
 * asks before each attempt, after the call was validated and authorized, so that every
 * attempt (retries included) spends one of the upstream's calls and refused calls spend
 * none. Upstream knows no quota implementation: one is plugged in like the
 * {@link UpstreamAuthenticator}.
 */
public interface UpstreamQuota {

	/** No quota: every attempt is sent at once. */
	UpstreamQuota NONE = upstream -> Call.UNLIMITED;

	/**
	 * The quota of one call to {@code upstream}. Called on the caller's thread when the
	 * call starts, so that an implementation may note who calls.
	 */
	Call call(String upstream);

	/** The quota of one call, asked before each of its attempts. */
	interface Call {

		/** Sends every attempt at once and ignores upstream's throttling. */
		Call UNLIMITED = new Call() {

			@Override
			public Mono<Void> acquire(Duration longestWait) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> throttled(@Nullable Duration retryAfter) {
				return Mono.empty();
			}

		};

		/**
		 * Completes when the next attempt may be sent: at once, or after waiting its turn
		 * (without blocking a thread), never longer than {@code longestWait}. Fails at
		 * once with {@link UpstreamQuotaExceededException} when it could not be sent in
		 * time.
		 */
		Mono<Void> acquire(Duration longestWait);

		/**
		 * Upstream answered 429: no attempt is sent to it until {@code retryAfter} (or,
		 * when {@code null}, the quota's window) has passed.
		 */
		Mono<Void> throttled(@Nullable Duration retryAfter);

	}

}
