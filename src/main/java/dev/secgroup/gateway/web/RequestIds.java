package dev.secgroup.gateway.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where the gateway's request id of the current call lives. */
public final class RequestIds {

	/** Request attribute holding the id. */
	public static final String ATTRIBUTE = RequestIds.class.getName();

	/** Logging MDC key. */
	public static final String MDC_KEY = "request_id";

	private RequestIds() {
	}

	/**
	 * The request id of this request (set by the first filter; generated if somehow
	 * absent).
	 */
	public static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		if (id instanceof String value) {
			return value;
		}
		String generated = RequestIdFilter.accepted(null);
		request.setAttribute(ATTRIBUTE, generated);
		return generated;
	}

}
