package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.util.AsciiString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every header of an upstream call reaches Netty's encoder as an {@link AsciiString} (one
 * bulk copy each, not a byte at a time) and reaches upstream byte for byte as the adapter
 * and its authenticator set it.
 */
class AsciiRequestHeadersTest {

	/** As long as an IAM token (PKI tokens are about 5 KB). */
	private static final String TOKEN = "MIIZ" + "x".repeat(5_196);

	private final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	/** What each request's headers were in Netty once written: name to value types. */
	private final Map<String, List<Class<?>>> valueTypes = new ConcurrentHashMap<>();

	@BeforeEach
	void start() {
		upstream.start();
		upstream.stubFor(WireMock.post(urlPathEqualTo("/v5/p1/x")).willReturn(aResponse().withStatus(200)));
	}

	@AfterEach
	void stop() {
		upstream.stop();
	}

	@Test
	void headersReachNettyAsAsciiStringsAndUpstreamUnchanged() {
		HttpHeaders further = new HttpHeaders();
		further.add("X-Idp-Id", "idp-1");
		further.add("X-Twice", "first");
		further.add("X-Twice", "second");
		UpstreamRequest request = UpstreamRequest.to("hss:CreateSecurityGroupPolicy", HttpMethod.POST, "/v5/{p}/x")
			.pathVariable("p", "p1")
			.requestId("req-1")
			.body("{}".getBytes())
			.headers(further)
			.build();

		assertThat(client().exchange(request).block().status()).isEqualTo(200);

		upstream.verify(postRequestedFor(urlPathEqualTo("/v5/p1/x")).withHeader("X-Auth-Token", equalTo(TOKEN))
			.withHeader("X-Request-Id", equalTo("req-1"))
			.withHeader("X-Idp-Id", equalTo("idp-1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json")));
		assertThat(upstream.getAllServeEvents().get(0).getRequest().getHeaders().getHeader("X-Twice").values())
			.containsExactly("first", "second");
		assertThat(valueTypes).containsEntry("X-Auth-Token", List.of(AsciiString.class))
			.containsEntry("X-Request-Id", List.of(AsciiString.class))
			.containsEntry("X-Twice", List.of(AsciiString.class, AsciiString.class))
			.containsEntry("User-Agent", List.of(AsciiString.class));
	}

	private UpstreamClient client() {
		HttpClient http = HttpClient.create().doAfterRequest((sent, connection) -> {
			var headers = sent.requestHeaders().iteratorCharSequence();
			while (headers.hasNext()) {
				var header = headers.next();
				valueTypes.merge(header.getKey().toString(), List.of(header.getValue().getClass()),
						(a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
			}
		});
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		UpstreamAuthenticator token = outgoing -> {
			HttpHeaders headers = HttpHeaders.copyOf(outgoing.headers());
			headers.set(UpstreamHeaders.AUTH_TOKEN, TOKEN);
			return Mono.just(headers);
		};
		RegionProperties regions = new RegionProperties("ap-southeast-1", Map.of());
		UpstreamEndpoints endpoints = new UpstreamEndpoints("hss", upstream.baseUrl(), regions);
		return new UpstreamClient("hss", webClient, endpoints, token,
				new RegionCircuitBreakers("hss", "ap-southeast-1", CircuitBreakerRegistry.ofDefaults(),
						Clock.systemUTC()),
				Retry.of("hss", RetryConfig.custom().maxAttempts(1).build()), Duration.ofSeconds(5),
				new UpstreamErrorDecoder(JsonMapper.builder().build()), Clock.systemUTC(),
				new UpstreamTimeouts(new SimpleMeterRegistry(), "hss"), UpstreamQuota.NONE, Duration.ofSeconds(5));
	}

}
