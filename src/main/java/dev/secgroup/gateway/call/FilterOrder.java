package dev.secgroup.gateway.call;

import java.util.List;

import org.springframework.core.Ordered;

/**
 * The servlet filters of the API port in the order a request meets them, the gateway's
 * and Spring Boot's alike. Every registration of a gateway filter takes its order from
 * here; {@code FilterOrderTest} reads the chain Tomcat really runs and compares it with
 * {@link #CHAIN}. Spring Security's own filters run inside
 * {@code springSecurityFilterChain}, in the order of {@code SecurityConfiguration}.
 */
public final class FilterOrder {

	/** Boot: request parameters are read as UTF-8. */
	public static final int CHARACTER_ENCODING = Ordered.HIGHEST_PRECEDENCE;

	/** Boot: the {@code http.server.requests} timer and server span. */
	public static final int SERVER_OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 1;

	/**
	 * The caller's address: the TCP peer, or what a trusted proxy forwarded; before the
	 * call context records it.
	 */
	public static final int FORWARDED_FOR = Ordered.HIGHEST_PRECEDENCE + 2;

	/** The call context: request id, trace id and the operation, decided once. */
	public static final int CALL_CONTEXT = Ordered.HIGHEST_PRECEDENCE + 3;

	/**
	 * The access log line, written on the way out with the answer audit finally sends.
	 */
	public static final int ACCESS_LOG = Ordered.HIGHEST_PRECEDENCE + 4;

	/** The audit event, written before the (buffered) answer is sent. */
	public static final int AUDIT = Ordered.HIGHEST_PRECEDENCE + 5;

	/**
	 * The body guard: a declared oversize (413) or a multipart body (415) is refused
	 * before anything reads it, and before authentication; any other body is counted as
	 * read. Spring's form-content filter is off (it read whole form bodies before
	 * security).
	 */
	public static final int BODY_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 6;

	/** Boot: the request bound to the thread for Spring's request scope. */
	public static final int REQUEST_CONTEXT = -105;

	/**
	 * Spring Security ({@code spring.security.filter.order}): who calls, and may they.
	 */
	public static final int SECURITY = -100;

	/**
	 * A client's own rate limit (429), once the client is known and authorized, before
	 * anything is sent upstream.
	 */
	public static final int CLIENT_RATE_LIMIT = -80;

	/**
	 * {@code Idempotency-Key}: after security and the client's rate limit (keys are
	 * scoped to the client; a refused call never reaches it).
	 */
	public static final int IDEMPOTENCY = -70;

	/**
	 * Tomcat's own WebSocket upgrade filter, added by Tomcat after every filter Spring
	 * registers (it has no Spring order); the gateway serves no WebSocket.
	 */
	public static final int TOMCAT_WEBSOCKET = Ordered.LOWEST_PRECEDENCE;

	/** Registration name of {@link #TOMCAT_WEBSOCKET}. */
	public static final String TOMCAT_WEBSOCKET_NAME = "Tomcat WebSocket (JSR356) Filter";

	/** The chain, in order: what {@code FilterOrderTest} pins. */
	public static final List<Filter> CHAIN = List.of(
			new Filter("characterEncodingFilter", CHARACTER_ENCODING, "Boot: request parameters are read as UTF-8."),
			new Filter("webMvcObservationFilter", SERVER_OBSERVATION,
					"Boot: opens the http.server.requests timer and the server span (the caller's traceparent)."),
			new Filter("forwardedForFilter", FORWARDED_FOR,
					"The caller's address: X-Forwarded-For only from gateway.security.trusted-proxies."),
			new Filter("callContextFilter", CALL_CONTEXT,
					"Request id (X-Request-Id, MDC), trace id and which mirrored operation is called: the CallContext."),
			new Filter("accessLogFilter", ACCESS_LOG,
					"Times the request; logs one access line on the way out, with the answer audit sent."),
			new Filter("auditFilter", AUDIT,
					"Buffers the answer of a mirrored call; writes its audit event, then sends the answer."),
			new Filter("bodySizeLimitFilter", BODY_SIZE_LIMIT,
					"Refuses multipart (415) and a declared oversize (413) unread; limits any body as it is read."),
			new Filter("requestContextFilter", REQUEST_CONTEXT, "Boot: binds the request to the thread."),
			new Filter("springSecurityFilterChain", SECURITY,
					"Spring Security: the firewall, authentication, the client into the CallContext, grants."),
			new Filter("clientRateLimitFilter", CLIENT_RATE_LIMIT,
					"Refuses a client's calls over its own rate limit (429 GW.0429) before anything goes upstream."),
			new Filter("idempotencyFilter", IDEMPOTENCY,
					"Idempotency-Key: checks the header, scopes the key to the client, keeps a keyed call's answer."),
			new Filter(TOMCAT_WEBSOCKET_NAME, TOMCAT_WEBSOCKET,
					"Tomcat: WebSocket upgrades (none here); then Spring MVC's DispatcherServlet."));

	private FilterOrder() {
	}

	/**
	 * One servlet filter of the chain.
	 *
	 * @param name its registration name
	 * @param order its order
	 * @param purpose what it does to a request, in a sentence
	 */
	public record Filter(String name, int order, String purpose) {
	}

}
