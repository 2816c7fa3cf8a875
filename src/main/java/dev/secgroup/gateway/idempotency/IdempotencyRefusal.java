package dev.secgroup.gateway.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.secgroup.gateway.upstream.UpstreamException;
import dev.secgroup.gateway.upstream.UpstreamTimeoutException;
import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A keyed call answered by the idempotency step itself, as the gateway's problem (Spring
 * MVC's handling of {@link ErrorResponseException} writes it, with its headers).
 */
final class IdempotencyRefusal extends ErrorResponseException {

	/** Seconds a caller is told to wait before retrying a key that is in use. */
	static final int RETRY_AFTER_SECONDS = 1;

	private IdempotencyRefusal(HttpStatus status, ProblemDetail problem, @Nullable Throwable cause) {
		super(status, problem, cause);
	}

	/** 409: the key's first call is still running. */
	static IdempotencyRefusal inProgress(HttpServletRequest request) {
		IdempotencyRefusal refusal = new IdempotencyRefusal(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT,
				ErrorCodes.IDEMPOTENCY_KEY_IN_USE,
				"A call with this Idempotency-Key is still running; retry after it has finished to get its answer.",
				request), null);
		refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		return refusal;
	}

	/** 422: the key was used for a different request. */
	static IdempotencyRefusal mismatch(HttpServletRequest request) {
		return new IdempotencyRefusal(HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.IDEMPOTENCY_KEY_REUSED,
						"This Idempotency-Key was used for a different request (method, path, query or body); "
								+ "use a new key for a new request.",
						request),
				null);
	}

	/** 503: the store cannot be reached, so the key's promise cannot be kept. */
	static IdempotencyRefusal storeUnavailable(HttpServletRequest request, IdempotencyStoreException cause) {
		IdempotencyRefusal refusal = new IdempotencyRefusal(HttpStatus.SERVICE_UNAVAILABLE,
				Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.IDEMPOTENCY_STORE_UNAVAILABLE,
						"The gateway cannot check this Idempotency-Key right now, so the call was not sent upstream. "
								+ "Retry later with the same key.",
						request),
				cause);
		refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		return refusal;
	}

	/**
	 * 502/504: a call that is not safe to repeat may have acted upstream, and its result
	 * is unknown. Kept for the key, so that no retry with it is sent again.
	 */
	static IdempotencyRefusal unknownOutcome(HttpServletRequest request, UpstreamException failure) {
		boolean timedOut = failure instanceof UpstreamTimeoutException;
		HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		String what = timedOut ? " did not answer in time" : " broke off the call before answering";
		return unknown(request, status, timedOut ? ErrorCodes.UPSTREAM_TIMEOUT : ErrorCodes.UPSTREAM_ERROR,
				"The " + failure.upstream() + " service" + what + ", after the call may have reached it", failure,
				failure.upstream());
	}

	/**
	 * 502: the key's first call stopped with its gateway instance before upstream's
	 * answer was known, and the call is not safe to repeat.
	 */
	static IdempotencyRefusal interrupted(HttpServletRequest request) {
		return unknown(request, HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_ERROR,
				"The first call with this Idempotency-Key was interrupted (its gateway instance stopped) before "
						+ "upstream's answer was known",
				null, null);
	}

	private static IdempotencyRefusal unknown(HttpServletRequest request, HttpStatus status, String code, String what,
			@Nullable Throwable cause, @Nullable String upstream) {
		ProblemDetail problem = Problems.of(status, code,
				what + ": its outcome is unknown. This answer is kept for the Idempotency-Key, so the call is never "
						+ "sent again with it; check upstream before sending it with a new key.",
				request);
		if (upstream != null) {
			problem.setProperty("upstream", upstream);
		}
		problem.setProperty("outcome", "unknown");
		return new IdempotencyRefusal(status, problem, cause);
	}

}
