package dev.secgroup.gateway.upstream;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An open circuit's {@code Retry-After} is the time left in the open state, read on the
 * application's clock (moved by hand here: no waiting).
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "resilience4j.circuitbreaker.instances.hss.wait-duration-in-open-state=20s")
class CircuitOpenRetryAfterTest extends GatewayTestSupport {

	@Autowired
	MutableClock clock;

	@Test
	void retryAfterCountsDownTheOpenPeriod() {
		circuitBreakers.circuitBreaker("hss").transitionToOpenState();

		assertRetryAfter(post(HSS_PATH, HSS_BODY), 20);
		clock.advance(Duration.ofSeconds(8));
		assertRetryAfter(post(HSS_PATH, HSS_BODY), 12);
		clock.advance(Duration.ofSeconds(5));
		assertRetryAfter(post(HSS_PATH, HSS_BODY), 7);
		clock.advance(Duration.ofMillis(6500));
		assertRetryAfter(post(HSS_PATH, HSS_BODY), 1);

		assertThat(circuitBreakers.circuitBreaker("hss").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aCircuitOpenedAgainStartsAFreshPeriod() {
		CircuitBreaker hss = circuitBreakers.circuitBreaker("hss");
		hss.transitionToOpenState();
		clock.advance(Duration.ofSeconds(15));
		hss.transitionToHalfOpenState();
		hss.transitionToOpenState();

		assertRetryAfter(post(HSS_PATH, HSS_BODY), 20);
	}

	private static void assertRetryAfter(HttpResponse<String> response, int seconds) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue(Integer.toString(seconds));
		assertThat(parse(response.body()).get("detail").asString()).contains("Retry after " + seconds + " s.");
	}

}
