package dev.secgroup.gateway.audit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

import io.micrometer.core.instrument.MeterRegistry;

import dev.secgroup.gateway.call.MirroredOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	/** The audit trail's destination: replace this bean to write somewhere else. */
	@Bean
	AuditSink auditSink(AuditProperties properties) {
		OutputStream out = properties.output() == AuditProperties.Output.SYSTEM_OUT ? new SystemOutStream()
				: new FileOutputStream(FileDescriptor.out);
		return new StdoutJsonAuditSink(out, properties.writeTimeout(), properties.queueCapacity());
	}

	@Bean
	AuditMetrics auditMetrics(MeterRegistry meters, MirroredOperations operations) {
		return new AuditMetrics(meters, operations.names());
	}

	/** Audits the calls Tomcat refuses before any filter runs. */
	@Bean
	RefusedRequestAudit refusedRequestAudit(AuditSink sink, AuditMetrics metrics) {
		return new RefusedRequestAudit(sink, metrics);
	}

	/** Contributor {@code auditSink} of the readiness group. */
	@Bean
	AuditSinkHealthIndicator auditSinkHealthIndicator(AuditSink sink) {
		return new AuditSinkHealthIndicator(sink);
	}

}
