package dev.secgroup.gateway.call;

import java.util.Locale;

/**
 * What a quota or a rate limit did to a call that did not go at once: the audit event's
 * {@code quota_outcome}.
 */
public enum QuotaOutcome {

	/** Waited in line for its turn in an upstream's quota, then was sent. */
	WAITED,

	/** Refused: the upstream's quota had no turn free within the call's longest wait. */
	REFUSED_QUOTA,

	/** Refused: the client already had as many calls waiting as it may. */
	REFUSED_WAITING,

	/**
	 * Refused: upstream said 429 and every replica holds back longer than the call may
	 * wait.
	 */
	REFUSED_PAUSED,

	/** Refused by the client's own rate limit. */
	REFUSED_CLIENT_LIMIT;

	/** Its name in the audit event, e.g. {@code refused_quota}. */
	public String auditName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
