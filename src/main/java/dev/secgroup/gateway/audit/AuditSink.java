package dev.secgroup.gateway.audit;

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

}
