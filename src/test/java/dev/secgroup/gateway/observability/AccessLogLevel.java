package dev.secgroup.gateway.observability;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Turns the access log on for a test (the test profile logs WARN and above only), without
 * a context of its own.
 */
final class AccessLogLevel {

	private AccessLogLevel() {
	}

	static void info() {
		LoggingSystem.get(AccessLogLevel.class.getClassLoader()).setLogLevel(AccessLogFilter.LOGGER, LogLevel.INFO);
	}

	static void reset() {
		LoggingSystem.get(AccessLogLevel.class.getClassLoader()).setLogLevel(AccessLogFilter.LOGGER, null);
	}

}
