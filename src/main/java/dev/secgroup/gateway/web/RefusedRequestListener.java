package dev.secgroup.gateway.web;

import dev.secgroup.gateway.call.CallContext;

/**
 * Told of every request the server refuses before any filter runs (Tomcat: a malformed
 * request line or URI, headers over the limit, an unsupported HTTP version), just before
 * its answer is written, so that a report (the audit trail) can record it. Implement as a
 * bean.
 */
@FunctionalInterface
public interface RefusedRequestListener {

	/**
	 * A request was refused.
	 * @param call its context: a new request id and, when its method and path call a
	 * mirrored operation, that operation; its {@code error_code} is recorded
	 * @param status the HTTP status it is answered with
	 */
	void refused(CallContext call, int status);

}
