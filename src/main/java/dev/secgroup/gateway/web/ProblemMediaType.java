package dev.secgroup.gateway.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The Content-Type of an error answer: {@code application/json} unless the request's
 * {@code Accept} prefers {@code application/problem+json}. The body is the same either
 * way.
 * <p>
 * Why not always problem+json: the official Huawei SDKs send no {@code Accept} and the
 * Java SDK (3.1.x) reads an error body only when its Content-Type starts with
 * {@code application/json}; served as problem+json, its exception carries no error code,
 * message or request id. Clients that ask for RFC 9457 by name still get it.
 */
public final class ProblemMediaType {

	private ProblemMediaType() {
	}

	/** The Content-Type for an error answering this request. */
	public static MediaType of(HttpServletRequest request) {
		Enumeration<String> accept = request.getHeaders(HttpHeaders.ACCEPT);
		return of(accept == null ? null : String.join(",", Collections.list(accept)));
	}

	/**
	 * The Content-Type for an error answering a request with this {@code Accept} header.
	 * problem+json is chosen only if a range naming it exactly has a higher quality than
	 * every range covering {@code application/json}, or the same quality while JSON is
	 * covered only by a wildcard ({@code application/problem+json, *}{@code /*}); a
	 * missing or malformed header means JSON, never 406.
	 */
	public static MediaType of(String accept) {
		if (accept == null || accept.isBlank()) {
			return MediaType.APPLICATION_JSON;
		}
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException malformed) {
			return MediaType.APPLICATION_JSON;
		}
		double problem = -1;
		double json = -1;
		boolean jsonExplicit = false;
		for (MediaType range : ranges) {
			double quality = range.getQualityValue();
			if (isExactly(range, MediaType.APPLICATION_PROBLEM_JSON)) {
				problem = Math.max(problem, quality);
			}
			if (isExactly(range, MediaType.APPLICATION_JSON)) {
				json = jsonExplicit ? Math.max(json, quality) : quality;
				jsonExplicit = true;
			}
			else if (!jsonExplicit && range.includes(MediaType.APPLICATION_JSON)) {
				json = Math.max(json, quality);
			}
		}
		boolean preferred = problem > 0 && (problem > json || (problem == json && !jsonExplicit));
		return preferred ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
	}

	private static boolean isExactly(MediaType range, MediaType type) {
		return range.getType().equalsIgnoreCase(type.getType())
				&& range.getSubtype().equalsIgnoreCase(type.getSubtype());
	}

}
