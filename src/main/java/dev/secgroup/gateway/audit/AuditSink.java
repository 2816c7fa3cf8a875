package dev.secgroup.gateway.audit;

import org.jspecify.annotations.Nullable;

/**
 * Where audit events go. The default writes one JSON line per event to standard output
 * (collected by Kubernetes); a file or a message broker is another implementation of this
 * interface, declared as the {@code AuditSink} bean in {@code AuditConfiguration}, with
 * no change to the callers.
 */
public interface AuditSink {

	/**
	 * Records one event durably enough to be answered for, or fails. Called on the
	 * request thread, before the response is sent.
	 * @param event the event
	 * @throws AuditSinkException if the event could not be recorded (the call then fails
	 * closed, unless {@code gateway.audit.fail-closed=false})
	 */
	void write(AuditEvent event);

	/**
	 * Why the sink cannot record events now (its last write failed, or it has stopped
	 * taking writes), or {@code null} when it can. While it fails, readiness is DOWN and,
	 * failing closed, calls are refused before anything is sent upstream. By default a
	 * sink is never known to fail.
	 * @return the reason, for logs and the readiness details, or {@code null}
	 */
	default @Nullable String failure() {
		return null;
	}

}
