package dev.secgroup.gateway.web;

import java.io.IOException;

/** The request body is larger than the gateway accepts; raised while the body is read. */
final class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("request body exceeds " + limit + " bytes");
	}

}
