package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One circuit per region: a region whose endpoint fails opens its own circuit, and calls
 * to the other regions still go through on theirs.
 */
class RegionCircuitBreakersTest {

	private static final String HOME = "ap-southeast-1";

	private static final String OTHER = "eu-west-101";

	private static final String HOME_PROJECT = "home0000000000000000000000000000";

	private static final String OTHER_PROJECT = "other000000000000000000000000000";

	private final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
		.slidingWindowSize(2)
		.minimumNumberOfCalls(2)
		.failureRateThreshold(50)
		.waitDurationInOpenState(Duration.ofMinutes(1))
		.build());

	@BeforeEach
	void start() {
		upstream.start();
		upstream.stubFor(WireMock.any(urlPathMatching("/" + OTHER + "/.*")).willReturn(aResponse().withStatus(500)));
		upstream.stubFor(WireMock.any(urlPathMatching("/" + HOME + "/.*")).willReturn(aResponse().withStatus(200)));
	}

	@AfterEach
	void stop() {
		upstream.stop();
	}

	@Test
	void aFailingRegionOpensItsOwnCircuitOnly() {
		UpstreamClient client = client();

		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> client.exchange(request(OTHER_PROJECT)).block())
				.isInstanceOf(UpstreamErrorException.class);
		}
		assertThatThrownBy(() -> client.exchange(request(OTHER_PROJECT)).block())
			.isInstanceOf(UpstreamCircuitOpenException.class);
		upstream.verify(2, anyRequestedFor(urlPathMatching("/" + OTHER + "/.*")));

		assertThat(client.exchange(request(HOME_PROJECT)).block().status()).isEqualTo(200);
		upstream.verify(1, anyRequestedFor(urlPathMatching("/" + HOME + "/.*")));

		assertThat(registry.circuitBreaker("hss@" + OTHER).getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(registry.circuitBreaker("hss").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(registry.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
			.containsExactlyInAnyOrder("hss", "hss@" + OTHER);
	}

	@Test
	void theHomeRegionAndAnEndpointWithoutRegionUseTheBreakerNamedAfterTheUpstream() {
		RegionCircuitBreakers breakers = new RegionCircuitBreakers("hss", HOME, registry, Clock.systemUTC());

		assertThat(breakers.of(HOME)).isSameAs(breakers.of(null));
		assertThat(breakers.of(HOME).circuitBreaker().getName()).isEqualTo("hss");
		assertThat(breakers.of(OTHER)).isSameAs(breakers.of(OTHER));
		assertThat(breakers.of(OTHER).circuitBreaker().getCircuitBreakerConfig())
			.isSameAs(breakers.of(HOME).circuitBreaker().getCircuitBreakerConfig());
	}

	private UpstreamClient client() {
		WebClient webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create()))
			.build();
		RegionProperties regions = new RegionProperties(HOME,
				Map.of(OTHER_PROJECT, new RegionProperties.Project(OTHER)));
		UpstreamEndpoints endpoints = new UpstreamEndpoints("hss", upstream.baseUrl() + "/{region}", regions);
		Retry noRetry = Retry.of("hss", RetryConfig.custom().maxAttempts(1).build());
		return new UpstreamClient("hss", webClient, endpoints, UpstreamAuthenticator.NONE,
				new RegionCircuitBreakers("hss", HOME, registry, Clock.systemUTC()), noRetry, Duration.ofSeconds(5),
				new UpstreamErrorDecoder(JsonMapper.builder().build()), Clock.systemUTC(),
				new UpstreamTimeouts(new SimpleMeterRegistry(), "hss"), UpstreamQuota.NONE, Duration.ofSeconds(5));
	}

	private static UpstreamRequest request(String project) {
		return UpstreamRequest.to("hss:CreateSecurityGroupPolicy", HttpMethod.POST, "/v5/{project_id}/x")
			.pathVariable("project_id", project)
			.project(project)
			.requestId("req-1")
			.build();
	}

}
