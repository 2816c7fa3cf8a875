package dev.secgroup.gateway.upstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review B12: one client's burst fills the gateway's own connection pool to VPC. The
 * calls that find it full are answered 503 {@code GW.0503} with {@code Retry-After}, and
 * are not upstream's failures: the circuit stays closed, and another client's call works
 * once the pool has room again.
 */
@TestPropertySource(properties = { "gateway.upstreams.vpc.pool.max-connections=1",
		"gateway.upstreams.vpc.pool.pending-acquire-max-count=1", "gateway.upstreams.vpc.response-timeout=10s" })
class PoolSaturationTest extends SecuredGatewayTestSupport {

	private static final int BURST = 14;

	@Test
	void aFullPoolIsAnswered503AndDoesNotOpenTheCircuit() {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{}")
				.withFixedDelay(1500)));
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + VPC_PATH))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.header("X-Api-Key", KEY_A)
				.PUT(HttpRequest.BodyPublishers.ofString(VPC_BODY))
				.build();
			burst.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();

		List<HttpResponse<String>> served = answers.stream().filter(r -> r.statusCode() == 200).toList();
		List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() != 200).toList();
		assertThat(served).hasSizeBetween(1, 2);
		assertThat(refused).hasSize(BURST - served.size());
		for (HttpResponse<String> answer : refused) {
			assertThat(answer.statusCode()).isEqualTo(503);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
			JsonNode problem = parse(answer.body());
			assertThat(problem.get("error_code").asString()).isEqualTo("GW.0503");
			assertThat(problem.get("upstream").asString()).isEqualTo("vpc");
			assertThat(problem.get("detail").asString()).contains("busy");
		}
		upstream.verify(served.size(), putRequestedFor(urlPathMatching("/vpc/.*")));
		CircuitBreaker vpc = circuitBreakers.circuitBreaker("vpc");
		assertThat(vpc.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(vpc.getMetrics().getNumberOfFailedCalls()).isZero();

		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		assertThat(sendWithKey("PUT", VPC_PATH, KEY_B, VPC_BODY).statusCode()).isEqualTo(200);
	}

}
