package dev.secgroup.gateway.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway.credentials.token.expiry}: time until the cached token expires, per
 * project only for the projects configured under {@code gateway.projects}, all others in
 * one series.
 */
class TokenExpiryGaugeTest {

	private static final String CONFIGURED = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final String OTHER_A = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

	private static final String OTHER_B = "99999999999999999999999999999999";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** Tokens live 24 h, except OTHER_B's, which lives 2 h. */
	private final Map<String, Duration> lifetimes = Map.of(CONFIGURED, Duration.ofHours(24), OTHER_A,
			Duration.ofHours(24), OTHER_B, Duration.ofHours(2));

	private final IamTokenCache cache = new IamTokenCache(
			project -> Mono.just(IamToken.issued("token-" + project, clock.instant().plus(lifetimes.get(project)),
					clock.instant(), Duration.ofHours(1))),
			clock, new CredentialsMetrics(meters, CredentialsMode.PASSWORD));

	private final CredentialsMetrics metrics = new CredentialsMetrics(meters, CredentialsMode.PASSWORD);

	@Test
	void noTokenYetIsNoValue() {
		metrics.tokenExpiry(cache, Set.of(CONFIGURED), clock);

		assertThat(seconds(CONFIGURED)).isNaN();
		assertThat(seconds(CredentialsMetrics.OTHER_PROJECTS)).isNaN();
	}

	@Test
	void configuredProjectsHaveTheirOwnSeriesAndTheOthersShareTheSoonestExpiry() {
		metrics.tokenExpiry(cache, Set.of(CONFIGURED), clock);

		cache.token(CONFIGURED).block();
		cache.token(OTHER_A).block();
		cache.token(OTHER_B).block();
		clock.advance(Duration.ofMinutes(30));

		assertThat(seconds(CONFIGURED)).isEqualTo(Duration.ofMinutes(23 * 60 + 30).toSeconds());
		assertThat(seconds(CredentialsMetrics.OTHER_PROJECTS)).isEqualTo(Duration.ofMinutes(90).toSeconds());
		assertThat(meters.get(CredentialsMetrics.TOKEN_EXPIRY).meters()).hasSize(2);
		assertThat(meters.get(CredentialsMetrics.TOKEN_EXPIRY).meters())
			.allSatisfy(meter -> assertThat(meter.getId().getTag("project")).isIn(CONFIGURED, "other"));
	}

	@Test
	void withoutConfiguredProjectsThereIsOneSeries() {
		metrics.tokenExpiry(cache, Set.of(), clock);

		cache.token(OTHER_A).block();

		assertThat(meters.get(CredentialsMetrics.TOKEN_EXPIRY).meters()).hasSize(1);
		assertThat(seconds(CredentialsMetrics.OTHER_PROJECTS)).isEqualTo(Duration.ofHours(24).toSeconds());
	}

	private double seconds(String project) {
		return meters.get(CredentialsMetrics.TOKEN_EXPIRY).tag("project", project).timeGauge().value(TimeUnit.SECONDS);
	}

}
