package dev.secgroup.gateway.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	/** The audit trail's destination: replace this bean to write somewhere else. */
	@Bean
	AuditSink auditSink() {
		return new StdoutJsonAuditSink();
	}

}
