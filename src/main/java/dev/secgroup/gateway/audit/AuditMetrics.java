package dev.secgroup.gateway.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the audit trail for dashboards and alerts:
 * <ul>
 * <li>{@value #EVENTS}{@code {operation, outcome}}: events written, by the call's
 * outcome: {@code success} (status below 400), {@code denied} (401, 403),
 * {@code rejected} (any other 4xx: invalid, too large, throttled, refused upstream),
 * {@code failed} (5xx);</li>
 * <li>{@value #FAILURES}{@code {operation}}: events the sink could not write (with
 * {@code fail-closed} those calls were answered 500).</li>
 * </ul>
 * Every series is registered at start-up from the mirrored operations, so counting is a
 * map lookup, and each series exists at 0 before its first event.
 */
final class AuditMetrics {

	/** Prometheus: {@code gateway_audit_events_total}. */
	static final String EVENTS = "gateway.audit.events";

	/** Prometheus: {@code gateway_audit_failures_total}. */
	static final String FAILURES = "gateway.audit.failures";

	private enum Outcome {

		SUCCESS, DENIED, REJECTED, FAILED;

		static Outcome of(int status) {
			if (status < 400) {
				return SUCCESS;
			}
			if (status == 401 || status == 403) {
				return DENIED;
			}
			return status < 500 ? REJECTED : FAILED;
		}

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Map<String, Counter[]> events = new HashMap<>();

	private final Map<String, Counter> failures = new HashMap<>();

	AuditMetrics(MeterRegistry registry, Collection<String> operations) {
		for (String operation : operations) {
			Counter[] byOutcome = new Counter[Outcome.values().length];
			for (Outcome outcome : Outcome.values()) {
				byOutcome[outcome.ordinal()] = Counter.builder(EVENTS)
					.description("Audit events written, by the outcome of the call")
					.tag("operation", operation)
					.tag("outcome", outcome.tag())
					.register(registry);
			}
			events.put(operation, byOutcome);
			failures.put(operation,
					Counter.builder(FAILURES)
						.description("Audit events that could not be written")
						.tag("operation", operation)
						.register(registry));
		}
	}

	void written(AuditEvent event) {
		Counter[] byOutcome = events.get(event.operation());
		if (byOutcome != null) {
			byOutcome[Outcome.of(event.status()).ordinal()].increment();
		}
	}

	void failed(String operation) {
		Counter counter = failures.get(operation);
		if (counter != null) {
			counter.increment();
		}
	}

}
