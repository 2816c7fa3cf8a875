package dev.secgroup.gateway.simulator;

/** A request body a fake refuses; the message is what the fake tells the caller. */
final class InvalidRequestException extends RuntimeException {

	InvalidRequestException(String message) {
		super(message, null, false, false);
	}

}
