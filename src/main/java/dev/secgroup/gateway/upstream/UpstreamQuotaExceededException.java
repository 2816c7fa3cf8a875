package dev.secgroup.gateway.upstream;

import java.time.Duration;

/**
 * The call could not be sent in time within the upstream's quota (or the caller has too
 * many calls waiting already): refused at once, without calling upstream.
 */
public final class UpstreamQuotaExceededException extends UpstreamException {

	/** Why the call was refused. */
	public enum Reason {

		/** No turn within the longest wait the call may have. */
		QUOTA,

		/** The caller already has as many calls waiting as it may. */
		WAITING,

		/**
		 * Upstream said 429 and every replica holds back for longer than the call may
		 * wait (an upstream without a quota of its own).
		 */
		PAUSED

	}

	private final Reason reason;

	private final Duration retryAfter;

	private final int requests;

	private final Duration per;

	/**
	 * @param upstream the upstream whose quota is spent
	 * @param reason why the call was refused
	 * @param retryAfter how long until the call could be served
	 * @param requests the quota: calls per window; {@code 0} for an upstream without one
	 * @param per the quota's window ({@link Duration#ZERO} without a quota)
	 */
	public UpstreamQuotaExceededException(String upstream, Reason reason, Duration retryAfter, int requests,
			Duration per) {
		super(upstream, "quota of " + upstream + " spent (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")", 0,
				null);
		this.reason = reason;
		this.retryAfter = retryAfter;
		this.requests = requests;
		this.per = per;
	}

	public Reason reason() {
		return reason;
	}

	/** How long until the call could be served. */
	public Duration retryAfter() {
		return retryAfter;
	}

	/** The quota: calls per {@link #per()}. */
	public int requests() {
		return requests;
	}

	/** The quota's window. */
	public Duration per() {
		return per;
	}

}
