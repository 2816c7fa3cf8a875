package dev.secgroup.gateway.web;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The answer to a call refused by a quota or a rate limit: 429 problem+json
 * {@code GW.0429} of type {@code quota-exceeded}, with {@code Retry-After} (seconds until
 * the call could be served) and the IETF {@code RateLimit-Policy} / {@code RateLimit}
 * fields (draft-ietf-httpapi-ratelimit-headers: Structured Field lists,
 * {@code "name";q=<quota>;w=<window seconds>} and
 * {@code "name";r=<remaining>;t=<seconds>}).
 */
public final class RateLimitHeaders {

	/** The IETF policy field. */
	public static final String POLICY = "RateLimit-Policy";

	/** The IETF state field. */
	public static final String STATE = "RateLimit";

	/** The problem type the draft registers for a spent quota. */
	public static final URI QUOTA_EXCEEDED = URI
		.create("https://iana.org/assignments/http-problem-types#quota-exceeded");

	private RateLimitHeaders() {
	}

	/**
	 * The headers of a refusal by policy {@code name} ({@code requests} per {@code per}),
	 * servable again in {@code retryAfter}.
	 */
	public static HttpHeaders refused(String name, int requests, Duration per, Duration retryAfter) {
		long seconds = Math.max(1, ceilSeconds(retryAfter));
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		headers.set(POLICY, "\"" + name + "\";q=" + requests + ";w=" + Math.max(1, ceilSeconds(per)));
		headers.set(STATE, "\"" + name + "\";r=0;t=" + seconds);
		return headers;
	}

	/**
	 * The headers of a refusal without a known policy (upstream throttles without
	 * publishing its quota): {@code Retry-After} alone.
	 */
	public static HttpHeaders retryAfter(Duration retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(retryAfter))));
		return headers;
	}

	/** The 429 problem of a refusal by policy {@code name}. */
	public static ProblemDetail problem(String name, String detail, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.QUOTA_EXCEEDED, detail, request);
		problem.setType(QUOTA_EXCEEDED);
		problem.setProperty("violated-policies", java.util.List.of(name));
		return problem;
	}

	private static long ceilSeconds(Duration duration) {
		return (duration.toMillis() + 999) / 1000;
	}

}
