package dev.secgroup.gateway.credentials;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused credentials configuration into Boot's short start-up report instead of
 * a stack trace.
 */
class CredentialsConfigurationFailureAnalyzer
		extends AbstractFailureAnalyzer<InvalidCredentialsConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCredentialsConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), InvalidCredentialsConfigurationException.ACTION, cause);
	}

}
