package dev.secgroup.gateway.web;

/**
 * The gateway's own error codes ({@code error_code} in problem+json when upstream did not
 * answer with one of its own). Stable: callers may switch on them.
 */
public final class ErrorCodes {

	public static final String VALIDATION = "GW.0400";

	public static final String UNAUTHENTICATED = "GW.0401";

	public static final String FORBIDDEN = "GW.0403";

	public static final String NOT_FOUND = "GW.0404";

	public static final String METHOD_NOT_ALLOWED = "GW.0405";

	public static final String NOT_ACCEPTABLE = "GW.0406";

	/** A call with the same {@code Idempotency-Key} is still running: 409. */
	public static final String IDEMPOTENCY_KEY_IN_USE = "GW.0409";

	public static final String PAYLOAD_TOO_LARGE = "GW.0413";

	public static final String UNSUPPORTED_MEDIA_TYPE = "GW.0415";

	/** The {@code Idempotency-Key} was used for a different request: 422. */
	public static final String IDEMPOTENCY_KEY_REUSED = "GW.0422";

	/**
	 * An upstream's quota or the client's rate limit is spent: answered 429 at once, with
	 * {@code Retry-After} and the {@code RateLimit-Policy} / {@code RateLimit} fields.
	 */
	public static final String QUOTA_EXCEEDED = "GW.0429";

	public static final String HEADERS_TOO_LARGE = "GW.0431";

	public static final String INTERNAL = "GW.0500";

	public static final String UPSTREAM_ERROR = "GW.0502";

	public static final String UPSTREAM_UNAVAILABLE = "GW.0503";

	public static final String UPSTREAM_TIMEOUT = "GW.0504";

	/**
	 * The idempotency store (Redis) cannot be reached: a call with
	 * {@code Idempotency-Key} is answered 503 without calling upstream.
	 */
	public static final String IDEMPOTENCY_STORE_UNAVAILABLE = "GW.0531";

	/**
	 * IAM refused to issue a token for the gateway's credentials (wrong password, unknown
	 * identity provider, rejected ID token...): answered 502 with IAM's code and request
	 * id.
	 */
	public static final String IAM_REFUSED = "GW.0520";

	/**
	 * IAM could not issue a token: unreachable, too slow, throttled, failing, or its
	 * circuit is open. Answered 503.
	 */
	public static final String IAM_UNAVAILABLE = "GW.0521";

	/**
	 * IAM answered success without a usable token ({@code X-Subject-Token},
	 * {@code expires_at}): 502.
	 */
	public static final String IAM_INVALID_ANSWER = "GW.0522";

	/**
	 * {@code oidc} mode: the gateway's ID token file could not be read or is empty: 503.
	 */
	public static final String ID_TOKEN_UNREADABLE = "GW.0523";

	/**
	 * The audit sink is known to fail, so the call was not carried out (fail-closed):
	 * 503.
	 */
	public static final String AUDIT_UNAVAILABLE = "GW.0530";

	private ErrorCodes() {
	}

	/** The gateway's code for a status it answers by itself. */
	public static String forStatus(int status) {
		return switch (status) {
			case 400 -> VALIDATION;
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> QUOTA_EXCEEDED;
			case 431 -> HEADERS_TOO_LARGE;
			case 502 -> UPSTREAM_ERROR;
			case 503 -> UPSTREAM_UNAVAILABLE;
			case 504 -> UPSTREAM_TIMEOUT;
			default -> status >= 500 ? INTERNAL : "GW.0" + status;
		};
	}

}
