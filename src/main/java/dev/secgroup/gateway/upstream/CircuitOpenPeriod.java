package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * When one upstream's open circuit will let calls through again, so that a refused call's
 * {@code Retry-After} is the time left in the open state rather than the whole open
 * period. Follows the breaker's state transitions and mirrors how Resilience4j sizes each
 * open period (its wait interval function, applied to the number of consecutive
 * openings).
 * <p>
 * Time is read from the application's {@link Clock}, the same system clock the breaker
 * uses in production; tests move it by hand.
 */
final class CircuitOpenPeriod {

	private final CircuitBreaker circuitBreaker;

	private final Clock clock;

	private int openings;

	private @Nullable Instant openUntil;

	CircuitOpenPeriod(CircuitBreaker circuitBreaker, Clock clock) {
		this.circuitBreaker = circuitBreaker;
		this.clock = clock;
		circuitBreaker.getEventPublisher().onStateTransition(event -> changed(event.getStateTransition()));
	}

	private synchronized void changed(CircuitBreaker.StateTransition transition) {
		switch (transition.getToState()) {
			case OPEN -> {
				// Consecutive openings (through half-open) may wait longer, as
				// Resilience4j's
				// own open state does.
				openings = transition.getFromState() == CircuitBreaker.State.HALF_OPEN ? openings + 1 : 1;
				openUntil = clock.instant().plus(waitFor(openings));
			}
			case HALF_OPEN -> openUntil = null;
			default -> {
				openings = 0;
				openUntil = null;
			}
		}
	}

	/**
	 * How long until the circuit lets a call through: what is left of the open period
	 * (zero once it is over), or the whole open period when its start was not seen.
	 */
	synchronized Duration remaining() {
		if (openUntil == null) {
			return waitFor(Math.max(1, openings));
		}
		Duration left = Duration.between(clock.instant(), openUntil);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private Duration waitFor(int attempts) {
		return Duration
			.ofMillis(circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(attempts));
	}

}
