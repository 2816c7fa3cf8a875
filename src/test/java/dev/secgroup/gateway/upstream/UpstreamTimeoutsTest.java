package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code gateway.upstream.timeouts}: an attempt without an answer within the response
 * timeout counts as {@code response}, a call out of its deadline as {@code deadline}.
 */
class UpstreamTimeoutsTest {

	private static final WireMockServer slow = new WireMockServer(
			wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeAll
	static void start() {
		slow.start();
		slow.stubFor(
				WireMock.any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200).withFixedDelay(1_000)));
	}

	@AfterAll
	static void stop() {
		slow.stop();
	}

	@Test
	void anAttemptWithoutAnswerInTimeCountsAsAResponseTimeout() {
		UpstreamClient client = client(Duration.ofMillis(100), Duration.ofSeconds(5));

		assertThatThrownBy(() -> client.exchange(request()).block()).isInstanceOf(UpstreamTimeoutException.class);

		assertThat(count("response")).isEqualTo(1);
		assertThat(count("deadline")).isZero();
	}

	@Test
	void aCallOutOfItsDeadlineCountsAsADeadlineTimeout() {
		UpstreamClient client = client(Duration.ofSeconds(5), Duration.ofMillis(150));

		assertThatThrownBy(() -> client.exchange(request()).block()).isInstanceOf(UpstreamTimeoutException.class)
			.hasMessageContaining("deadline");

		assertThat(count("deadline")).isEqualTo(1);
		assertThat(count("response")).isZero();
	}

	private double count(String timeout) {
		return meters.get(UpstreamTimeouts.NAME).tag("upstream", "hss").tag("timeout", timeout).counter().count();
	}

	private UpstreamClient client(Duration responseTimeout, Duration deadline) {
		WebClient webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(responseTimeout)))
			.build();
		UpstreamEndpoints endpoints = new UpstreamEndpoints("hss", slow.baseUrl(),
				new RegionProperties(null, Map.of()));
		Retry noRetry = Retry.of("hss", RetryConfig.custom().maxAttempts(1).build());
		return new UpstreamClient("hss", webClient, endpoints, UpstreamAuthenticator.NONE,
				new RegionCircuitBreakers("hss", null, CircuitBreakerRegistry.ofDefaults(), Clock.systemUTC()), noRetry,
				deadline, new UpstreamErrorDecoder(JsonMapper.builder().build()), Clock.systemUTC(),
				new UpstreamTimeouts(meters, "hss"), UpstreamQuota.NONE, responseTimeout);
	}

	private static UpstreamRequest request() {
		return UpstreamRequest.to("hss:CreateSecurityGroupPolicy", HttpMethod.POST, "/v5/{project_id}/x")
			.pathVariable("project_id", "p")
			.project("p")
			.requestId("req-1")
			.build();
	}

}
