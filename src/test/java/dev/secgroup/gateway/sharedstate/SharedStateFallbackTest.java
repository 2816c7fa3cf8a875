package dev.secgroup.gateway.sharedstate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharedStateFallbackTest {

	private final AtomicLong nanos = new AtomicLong(1_000);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SharedStateFallback fallback = new SharedStateFallback(Duration.ofSeconds(2), nanos::get, meters);

	@Test
	void usesRedisUntilItFails() {
		assertThat(fallback.tryShared()).isTrue();
		assertThat(fallback.active()).isFalse();
		assertThat(gauge()).isZero();
	}

	@Test
	void afterAFailureFallsBackAndTriesRedisAgainOncePerRecheckInterval() {
		fallback.failed(new IllegalStateException("connection refused"));

		assertThat(fallback.active()).isTrue();
		assertThat(gauge()).isEqualTo(1);
		assertThat(fallback.tryShared()).isFalse();
		nanos.addAndGet(Duration.ofMillis(1999).toNanos());
		assertThat(fallback.tryShared()).isFalse();
		nanos.addAndGet(Duration.ofMillis(1).toNanos());
		assertThat(fallback.tryShared()).as("one try after the interval").isTrue();
		assertThat(fallback.tryShared()).as("only one").isFalse();
	}

	@Test
	void returnsToTheSharedStateWhenRedisAnswersAgain() {
		fallback.failed(new IllegalStateException("connection refused"));
		nanos.addAndGet(Duration.ofSeconds(2).toNanos());

		fallback.succeeded();

		assertThat(fallback.active()).isFalse();
		assertThat(gauge()).isZero();
		assertThat(fallback.tryShared()).isTrue();
	}

	private double gauge() {
		return meters.get(SharedStateFallback.METRIC).gauge().value();
	}

}
