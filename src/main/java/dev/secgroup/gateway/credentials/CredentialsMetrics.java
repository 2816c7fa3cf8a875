package dev.secgroup.gateway.credentials;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

/**
 * Counters for dashboards and alerts on the gateway's own credentials. Tags are low-cardinality
 * (mode, fixed reasons): never a project id, user or token.
 * <ul>
 * <li>{@code gateway.credentials.token.fetches{mode}}: IAM tokens obtained for a project that had
 * none;</li>
 * <li>{@code gateway.credentials.token.refreshes{mode,reason=expiring|rejected}}: cached tokens
 * replaced ahead of expiry, or after upstream refused them (401);</li>
 * <li>{@code gateway.credentials.token.failures{mode,reason}}: credentials that could not be had
 * ({@code iam_refused}, {@code iam_unavailable}, {@code iam_invalid_answer},
 * {@code id_token_unreadable}, {@code caller_token_missing});</li>
 * <li>{@code gateway.credentials.upstream.rejections{mode}}: upstream answered 401 to the
 * gateway's credentials (in {@code aksk} mode, five in a row lock the access key).</li>
 * </ul>
 */
final class CredentialsMetrics {

	static final String FETCHES = "gateway.credentials.token.fetches";

	static final String REFRESHES = "gateway.credentials.token.refreshes";

	static final String FAILURES = "gateway.credentials.token.failures";

	static final String REJECTIONS = "gateway.credentials.upstream.rejections";

	/** Why a token was requested. */
	enum Trigger {

		/** The project had no token. */
		INITIAL,
		/** The cached token is within the refresh margin of its expiry. */
		EXPIRING,
		/** Upstream answered 401 to the cached token. */
		REJECTED

	}

	private final MeterRegistry registry;

	private final String mode;

	CredentialsMetrics(MeterRegistry registry, CredentialsMode mode) {
		this.registry = registry;
		this.mode = mode.tag();
	}

	void obtained(Trigger trigger) {
		if (trigger == Trigger.INITIAL) {
			counter(FETCHES, "Project-scoped IAM tokens obtained for a project that had none").increment();
		}
		else {
			Counter.builder(REFRESHES)
				.description("Cached IAM tokens replaced ahead of expiry or after upstream refused them")
				.tag("mode", mode)
				.tag("reason", trigger.name().toLowerCase(java.util.Locale.ROOT))
				.register(registry)
				.increment();
		}
	}

	void failed(UpstreamCredentialsException.Reason reason) {
		Counter.builder(FAILURES)
			.description("Upstream credentials that could not be had")
			.tag("mode", mode)
			.tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
			.register(registry)
			.increment();
	}

	void rejectedUpstream() {
		counter(REJECTIONS, "Upstream answers 401 to the gateway's credentials").increment();
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).tag("mode", mode).register(registry);
	}

}
