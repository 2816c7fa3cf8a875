package dev.secgroup.gateway.quota;

import java.time.Duration;

/**
 * The store's answer to "may one more call go?": a turn {@code delay} from now, or a
 * refusal (no turn within the longest wait, or too many calls of the caller waiting),
 * with {@code delay} then saying when a turn could be had.
 *
 * @param outcome granted, or why not
 * @param delay how long until the turn (granted) or until one could be had (refused)
 * @param remaining calls still free in the current window, after this one
 */
record Reservation(Outcome outcome, Duration delay, int remaining) {

	/** What the store decided. */
	enum Outcome {

		/** A turn is reserved {@code delay} from now. */
		GRANTED,

		/** No turn within the longest wait: nothing was reserved. */
		QUOTA,

		/** The caller has as many calls waiting as it may: nothing was reserved. */
		WAITING

	}

	boolean granted() {
		return outcome == Outcome.GRANTED;
	}

}
