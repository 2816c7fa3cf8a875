package dev.secgroup.gateway.audit;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness contributor {@code auditSink}: DOWN while the audit sink is known to fail
 * (its last write failed, or standard output has stopped taking writes), so that the
 * replica leaves the Service instead of refusing every call; UP again after the next
 * successful write.
 */
final class AuditSinkHealthIndicator implements HealthIndicator {

	private final AuditSink sink;

	AuditSinkHealthIndicator(AuditSink sink) {
		this.sink = sink;
	}

	@Override
	public Health health() {
		String failure = sink.failure();
		return failure == null ? Health.up().build() : Health.down().withDetail("failure", failure).build();
	}

}
