package dev.secgroup.gateway.observability;

import jakarta.servlet.http.HttpServletRequest;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperation;

import org.springframework.web.servlet.HandlerMapping;

/**
 * The route of a request as metrics and the access log name it: the path template of its
 * mapping, never the raw path (ids in paths would make every call a new time series).
 * <p>
 * A call of a mirrored operation that Spring Security refuses (401, 403) never reaches
 * Spring MVC, so it has no mapping; it is still named by its operation's template (from
 * the call's context), so that refusals show per operation. Anything else without a
 * mapping is {@code NOT_FOUND} (404), {@code REDIRECTION} (3xx) or {@code UNKNOWN}, as
 * Spring names them.
 */
final class Routes {

	static final String NOT_FOUND = "NOT_FOUND";

	static final String REDIRECTION = "REDIRECTION";

	static final String UNKNOWN = "UNKNOWN";

	private Routes() {
	}

	/**
	 * The route of a request, or {@code null} when neither Spring MVC nor a mirrored
	 * operation matched it.
	 */
	static String templateOf(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String best) {
			return best;
		}
		MirroredOperation operation = CallContext.of(request).operation();
		return operation != null ? operation.path() : null;
	}

	/** The route, or the name Spring gives an unmapped request with this status. */
	static String of(HttpServletRequest request, int status) {
		String template = templateOf(request);
		if (template != null) {
			return template;
		}
		if (status == 404) {
			return NOT_FOUND;
		}
		return status >= 300 && status < 400 ? REDIRECTION : UNKNOWN;
	}

}
