package dev.secgroup.gateway.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit trail behaves.
 *
 * @param failClosed when the audit sink cannot record a call, answer it with 500
 * problem+json instead of its real answer, and refuse further calls with 503 before
 * anything is sent upstream while the sink is known to fail (default {@code true}: no
 * call is answered unrecorded); {@code false} sends the real answer and only logs the
 * failure
 * @param output where audit lines go: {@code stdout} (default), the process's standard
 * output itself, whose write errors are seen on every write; {@code system-out}, Java's
 * {@code System.out}, for tests and consoles that capture it (an error there stays for
 * good)
 * @param writeTimeout how long a call waits for its audit line to be written before it
 * counts as unrecorded; standard output stuck for longer makes readiness DOWN
 * @param queueCapacity how many audit lines may wait for the writer; a call finding the
 * queue full counts as unrecorded at once
 */
@ConfigurationProperties("gateway.audit")
record AuditProperties(@DefaultValue("true") boolean failClosed, @DefaultValue("stdout") Output output,
		@DefaultValue("2s") Duration writeTimeout, @DefaultValue("1024") int queueCapacity) {

	/** Where audit lines go. */
	enum Output {

		/** The process's standard output (file descriptor 1). */
		STDOUT,

		/** Java's {@code System.out}. */
		SYSTEM_OUT

	}

}
