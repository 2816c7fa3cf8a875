package dev.secgroup.gateway.upstream;

import java.time.Duration;

/**
 * The gateway could not prove itself upstream, so the attempt was not sent: the caller
 * gave no token to pass through, or IAM did not issue one. Never retried by the adapter
 * and never counted against the upstream's circuit breaker (the upstream did nothing
 * wrong). Messages never hold a credential.
 */
public final class UpstreamCredentialsException extends UpstreamException {

	/** Why no credentials could be had. */
	public enum Reason {

		/** Pass-through: the caller sent no {@code X-Auth-Token}. */
		CALLER_TOKEN_MISSING,
		/**
		 * IAM answered 4xx to the gateway's credentials (wrong password, unknown IdP,
		 * expired ID token...).
		 */
		IAM_REFUSED,
		/**
		 * IAM could not be reached, timed out, throttled, failed (5xx) or its circuit is
		 * open.
		 */
		IAM_UNAVAILABLE,
		/**
		 * IAM answered success without a usable token ({@code X-Subject-Token},
		 * {@code token.expires_at}).
		 */
		IAM_INVALID_ANSWER,
		/** OIDC: the ID token file could not be read, or is empty. */
		ID_TOKEN_UNREADABLE

	}

	private final Reason reason;

	private final Integer iamStatus;

	private final UpstreamError iamError;

	private final Duration retryAfter;

	/**
	 * @param upstream the upstream that failed: {@code iam}, or the called upstream for
	 * {@link Reason#CALLER_TOKEN_MISSING}
	 * @param reason why
	 * @param message what happened, safe for logs and callers (no credential)
	 * @param iamStatus IAM's HTTP status when IAM answered, else {@code null}
	 * @param iamError IAM's error code, message and request id when IAM answered, else
	 * {@code null}
	 * @param retryAfter when trying again makes sense, if known, else {@code null}
	 * @param cause the underlying failure, or {@code null}
	 */
	public UpstreamCredentialsException(String upstream, Reason reason, String message, Integer iamStatus,
			UpstreamError iamError, Duration retryAfter, Throwable cause) {
		this(upstream, reason, message, iamStatus, iamError, retryAfter, cause, 0);
	}

	private UpstreamCredentialsException(String upstream, Reason reason, String message, Integer iamStatus,
			UpstreamError iamError, Duration retryAfter, Throwable cause, int attempts) {
		super(upstream, message, attempts, cause);
		this.reason = reason;
		this.iamStatus = iamStatus;
		this.iamError = iamError;
		this.retryAfter = retryAfter;
	}

	public Reason reason() {
		return reason;
	}

	/** IAM's HTTP status, or {@code null} when IAM did not answer. */
	public Integer iamStatus() {
		return iamStatus;
	}

	/**
	 * IAM's error code, message and request id, or {@code null} when IAM did not answer.
	 */
	public UpstreamError iamError() {
		return iamError;
	}

	/** When trying again makes sense, or {@code null} if unknown. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/**
	 * The same failure, with the number of requests the call had sent upstream before it.
	 */
	UpstreamCredentialsException withAttempts(int attempts) {
		return new UpstreamCredentialsException(upstream(), reason, getMessage(), iamStatus, iamError, retryAfter,
				getCause(), attempts);
	}

}
