package dev.secgroup.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused security configuration into Boot's short start-up report instead of a
 * stack trace.
 */
class SecurityConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSecurityConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSecurityConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
