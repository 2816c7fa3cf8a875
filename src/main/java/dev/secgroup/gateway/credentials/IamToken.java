package dev.secgroup.gateway.credentials;

import java.time.Duration;
import java.time.Instant;

/**
 * A project-scoped IAM token and when to stop relying on it.
 *
 * @param value the token ({@code X-Subject-Token}); never logged
 * @param expiresAt {@code token.expires_at} as IAM gave it
 * @param refreshAt from here on a new token is fetched (the old one still serves
 * meanwhile)
 * @param usableUntil from here on the old token is no longer sent: a call waits for the
 * new one
 */
record IamToken(String value, Instant expiresAt, Instant refreshAt, Instant usableUntil) {

	/** Never send a token closer than this to its expiry (clock skew, time in flight). */
	static final Duration EXPIRY_GUARD = Duration.ofMinutes(1);

	/**
	 * A token just issued.
	 * @param margin the configured refresh margin; at most half the token's lifetime is
	 * used, so that short-lived tokens (demos) are still reused
	 */
	static IamToken issued(String value, Instant expiresAt, Instant now, Duration margin) {
		Duration lifetime = Duration.between(now, expiresAt);
		Duration effective = margin.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : margin;
		Duration guard = EXPIRY_GUARD.compareTo(effective.dividedBy(2)) > 0 ? effective.dividedBy(2) : EXPIRY_GUARD;
		return new IamToken(value, expiresAt, expiresAt.minus(effective), expiresAt.minus(guard));
	}

	boolean freshAt(Instant now) {
		return now.isBefore(refreshAt);
	}

	boolean usableAt(Instant now) {
		return now.isBefore(usableUntil);
	}

	@Override
	public String toString() {
		return "IamToken[value=******, expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + "]";
	}

}
