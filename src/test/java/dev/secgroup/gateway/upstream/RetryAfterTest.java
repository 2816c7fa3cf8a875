package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsDelaySeconds() {
		assertThat(RetryAfter.parse("3", clock)).contains(Duration.ofSeconds(3));
	}

	@Test
	void readsAnHttpDate() {
		assertThat(RetryAfter.parse("Mon, 23 Nov 2026 08:00:05 GMT", clock)).contains(Duration.ofSeconds(5));
	}

	@Test
	void aDateInThePastMeansNow() {
		assertThat(RetryAfter.parse("Mon, 23 Nov 2026 07:00:00 GMT", clock)).contains(Duration.ZERO);
	}

	@Test
	void ignoresGarbage() {
		assertThat(RetryAfter.parse("soon", clock)).isEmpty();
		assertThat(RetryAfter.parse(null, clock)).isEmpty();
		assertThat(RetryAfter.parse("-1", clock)).isEmpty();
	}

}
