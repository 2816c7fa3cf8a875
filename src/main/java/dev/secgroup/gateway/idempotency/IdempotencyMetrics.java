package dev.secgroup.gateway.idempotency;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts keyed calls for dashboards and alerts:
 * <ul>
 * <li>{@value #CALLS}{@code {operation, outcome}}: calls with {@code Idempotency-Key}, by
 * what the key did: {@code executed} (first use: sent upstream), {@code replayed} (a
 * finished call's answer sent again), {@code conflict} (409: still running),
 * {@code mismatch} (422: other request), {@code store_unavailable} (503);</li>
 * <li>{@value #STORE_ERRORS}{@code {operation, command}}: store commands that failed
 * ({@code claim}, {@code complete}, {@code release}).</li>
 * </ul>
 * Every series is registered at start-up, so each exists at 0 before its first count.
 */
final class IdempotencyMetrics {

	/** Prometheus: {@code gateway_idempotency_calls_total}. */
	static final String CALLS = "gateway.idempotency.calls";

	/** Prometheus: {@code gateway_idempotency_store_errors_total}. */
	static final String STORE_ERRORS = "gateway.idempotency.store.errors";

	enum Outcome {

		EXECUTED, REPLAYED, CONFLICT, MISMATCH, STORE_UNAVAILABLE

	}

	enum Command {

		CLAIM, COMPLETE, RELEASE

	}

	private final Map<String, Counter> counters = new HashMap<>();

	IdempotencyMetrics(MeterRegistry registry, Collection<String> operations) {
		for (String operation : operations) {
			for (Outcome outcome : Outcome.values()) {
				counters.put(operation + outcome,
						Counter.builder(CALLS)
							.description("Calls with Idempotency-Key, by what the key did")
							.tag("operation", operation)
							.tag("outcome", tag(outcome))
							.register(registry));
			}
			for (Command command : Command.values()) {
				counters.put(operation + command,
						Counter.builder(STORE_ERRORS)
							.description("Idempotency store commands that failed (store unreachable or too slow)")
							.tag("operation", operation)
							.tag("command", tag(command))
							.register(registry));
			}
		}
	}

	void count(String operation, Outcome outcome) {
		increment(operation + outcome);
	}

	void storeError(String operation, Command command) {
		increment(operation + command);
	}

	private void increment(String key) {
		Counter counter = counters.get(key);
		if (counter != null) {
			counter.increment();
		}
	}

	private static String tag(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
