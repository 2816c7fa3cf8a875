package dev.secgroup.gateway.audit;

/** An audit event could not be recorded. */
public class AuditSinkException extends RuntimeException {

	public AuditSinkException(String message) {
		super(message);
	}

	public AuditSinkException(String message, Throwable cause) {
		super(message, cause);
	}

}
