package dev.secgroup.gateway.credentials;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

/**
 * Counters for dashboards and alerts on the gateway's own credentials. Tags are low-cardinality
 * (mode and fixed words): never a project id, user or token.
 * <ul>
 * <li>{@code gateway.credentials.token.requests{mode,trigger,result}}: every IAM token request.
 * {@code trigger}: {@code initial} (a fetch: the project had no token), {@code expiring} or
 * {@code rejected} (refreshes: ahead of expiry, or after upstream answered 401 to the token);
 * {@code result}: {@code success} or the failure ({@code iam_refused}, {@code iam_unavailable},
 * {@code iam_invalid_answer}, {@code id_token_unreadable}).</li>
 * <li>{@code gateway.credentials.caller.token.missing{mode}}: pass-through calls refused because
 * the caller sent no {@code X-Auth-Token}.</li>
 * <li>{@code gateway.credentials.upstream.rejections{mode}}: upstream answered 401 to the
 * gateway's credentials (in {@code aksk} mode, five in a row lock the access key: alert on it).</li>
 * </ul>
 */
final class CredentialsMetrics {

	static final String TOKEN_REQUESTS = "gateway.credentials.token.requests";

	static final String MISSING_CALLER_TOKEN = "gateway.credentials.caller.token.missing";

	static final String REJECTIONS = "gateway.credentials.upstream.rejections";

	static final String SUCCESS = "success";

	/** Why a token was requested. */
	enum Trigger {

		/** The project had no token. */
		INITIAL,
		/** The cached token is within the refresh margin of its expiry. */
		EXPIRING,
		/** Upstream answered 401 to the cached token. */
		REJECTED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final MeterRegistry registry;

	private final String mode;

	CredentialsMetrics(MeterRegistry registry, CredentialsMode mode) {
		this.registry = registry;
		this.mode = mode.tag();
	}

	void obtained(Trigger trigger) {
		tokenRequests(trigger, SUCCESS).increment();
	}

	void failed(Trigger trigger, UpstreamCredentialsException.Reason reason) {
		tokenRequests(trigger, reason.name().toLowerCase(Locale.ROOT)).increment();
	}

	void callerTokenMissing() {
		Counter.builder(MISSING_CALLER_TOKEN)
			.description("Pass-through calls refused for want of the caller's X-Auth-Token")
			.tag("mode", mode)
			.register(registry)
			.increment();
	}

	void rejectedUpstream() {
		Counter.builder(REJECTIONS)
			.description("Upstream answers 401 to the gateway's credentials")
			.tag("mode", mode)
			.register(registry)
			.increment();
	}

	private Counter tokenRequests(Trigger trigger, String result) {
		return Counter.builder(TOKEN_REQUESTS)
			.description("IAM token requests: fetches (trigger=initial) and refreshes (expiring, rejected), by result")
			.tag("mode", mode)
			.tag("trigger", trigger.tag())
			.tag("result", result)
			.register(registry);
	}

}
