package dev.secgroup.gateway.upstream;

import java.net.http.HttpResponse;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Default breaker: opens at 50 % failures over at least 10 calls, stays open 30 s. */
class CircuitBreakerTest extends GatewayTestSupport {

	@Test
	void opensAfterRepeatedFailuresAndAnswers503WithoutCallingUpstream() {
		upstream.stubFor(WireMock.post(urlPathMatching("/hss/.*")).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 10; i++) {
			assertThat(post(HSS_PATH, HSS_BODY).statusCode()).isEqualTo(502);
		}
		assertThat(circuitBreakers.circuitBreaker("hss").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int callsBefore = calls();

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0503");
		assertThat(calls()).isEqualTo(callsBefore);
	}

	@Test
	void eachUpstreamHasItsOwnBreaker() {
		circuitBreakers.circuitBreaker("hss").transitionToOpenState();
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);
		assertThat(post(HSS_PATH, HSS_BODY).statusCode()).isEqualTo(503);
	}

	@Test
	void callerErrorsAndThrottlingDoNotOpenTheBreaker() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(404).withBody("{}")));
		for (int i = 0; i < 12; i++) {
			put(VPC_PATH, VPC_BODY);
		}
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		for (int i = 0; i < 12; i++) {
			put(VPC_PATH, VPC_BODY);
		}

		assertThat(circuitBreakers.circuitBreaker("vpc").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	private int calls() {
		return upstream.findAll(anyRequestedFor(urlPathMatching(".*"))).size();
	}

}
