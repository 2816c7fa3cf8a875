package dev.secgroup.gateway.idempotency;

import java.time.Duration;

/** What a store answers when a keyed call tries to claim its key. */
sealed interface Claim {

	/**
	 * The key is this call's now: call upstream, then complete or release it.
	 *
	 * @param takenOver the key was claimed before by a call whose lease ran out (its
	 * replica stopped mid-call); that call's outcome is unknown
	 */
	record Claimed(boolean takenOver) implements Claim {
	}

	/**
	 * Another call holds the key (same request).
	 *
	 * @param leaseLeft how long its lease still runs
	 */
	record Running(Duration leaseLeft) implements Claim {
	}

	/** The key was used for a different request (other fingerprint). */
	record Mismatch() implements Claim {
	}

	/**
	 * The call with this key and request is finished: its answer.
	 *
	 * @param answer what it was answered
	 */
	record Done(StoredAnswer answer) implements Claim {
	}

}
