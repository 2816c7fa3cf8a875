package dev.secgroup.gateway.idempotency;

/** The idempotency store could not be reached or did not answer in time. */
final class IdempotencyStoreException extends RuntimeException {

	IdempotencyStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
