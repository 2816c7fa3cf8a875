package dev.secgroup.gateway.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

/**
 * Counters for dashboards and alerts on the gateway's own credentials. Tags are
 * low-cardinality (mode and fixed words): never a project id, user or token.
 * <ul>
 * <li>{@code gateway.credentials.token.requests{mode,trigger,result}}: every IAM token
 * request. {@code trigger}: {@code initial} (a fetch: the project had no token),
 * {@code expiring} or {@code rejected} (refreshes: ahead of expiry, or after upstream
 * answered 401 to the token); {@code result}: {@code success} or the failure
 * ({@code iam_refused}, {@code iam_unavailable}, {@code iam_invalid_answer},
 * {@code id_token_unreadable}).</li>
 * <li>{@code gateway.credentials.caller.token.missing{mode}}: pass-through calls refused
 * because the caller sent no {@code X-Auth-Token}.</li>
 * <li>{@code gateway.credentials.upstream.rejections{mode}}: upstream answered 401 to the
 * gateway's credentials (in {@code aksk} mode, five in a row lock the access key: alert
 * on it).</li>
 * <li>{@code gateway.credentials.token.expiry{mode,project}} (token modes): time until
 * the cached IAM token expires, per project listed under {@code gateway.projects} (a
 * bounded set), and {@code project=other} for the soonest-expiring token of every other
 * project; no value while there is no token.</li>
 * </ul>
 */
final class CredentialsMetrics {

	static final String TOKEN_REQUESTS = "gateway.credentials.token.requests";

	static final String MISSING_CALLER_TOKEN = "gateway.credentials.caller.token.missing";

	static final String REJECTIONS = "gateway.credentials.upstream.rejections";

	/** Prometheus: {@code gateway_credentials_token_expiry_seconds}. */
	static final String TOKEN_EXPIRY = "gateway.credentials.token.expiry";

	/**
	 * The {@code project} tag of the tokens of projects not listed under
	 * {@code gateway.projects}.
	 */
	static final String OTHER_PROJECTS = "other";

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

	/**
	 * Registers the time-to-expiry gauges of {@code cache}'s tokens: one per configured
	 * project, one for all other projects. Computed when scraped; project ids appear only
	 * as configured.
	 */
	void tokenExpiry(IamTokenCache cache, Set<String> configuredProjects, Clock clock) {
		for (String project : configuredProjects) {
			expiryGauge(cache, project, clock, candidate -> candidate.equals(project));
		}
		expiryGauge(cache, OTHER_PROJECTS, clock, candidate -> !configuredProjects.contains(candidate));
	}

	private void expiryGauge(IamTokenCache cache, String project, Clock clock, Predicate<String> projects) {
		TimeGauge
			.builder(TOKEN_EXPIRY, cache, TimeUnit.SECONDS,
					tokens -> secondsUntil(tokens.soonestExpiry(projects), clock))
			.description("Time until the cached IAM token expires (it is refreshed ahead of expiry)")
			.tag("mode", mode)
			.tag("project", project)
			.register(registry);
	}

	private static double secondsUntil(Optional<Instant> expiry, Clock clock) {
		return expiry.map(at -> Duration.between(clock.instant(), at).toMillis() / 1000.0).orElse(Double.NaN);
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
