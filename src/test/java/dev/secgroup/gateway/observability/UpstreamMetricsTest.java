package dev.secgroup.gateway.observability;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upstream calls as an on-call engineer reads them from Prometheus: every attempt in
 * {@code http.client.requests} by upstream name and operation template, retries in
 * Resilience4j's retry counter, throttling by status, timeouts by root cause and in the
 * gateway's own counter.
 */
class UpstreamMetricsTest extends GatewayTestSupport {

	static final String CLIENT = "http_client_requests_seconds_count";

	@Test
	void oneRetryCountsTwoAttemptsAndOneCallSuccessfulWithRetry() {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.inScenario("retry")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.inScenario("retry")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withBody("{}")));
		Scrape before = Scrape.of(managementPort);

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);

		Scrape after = Scrape.of(managementPort);
		String[] vpc = { "client_name", "vpc", "method", "PUT", "uri", ServerMetricsTest.VPC_ROUTE };
		assertThat(increase(before, after, CLIENT, with(vpc, "status", "503", "outcome", "SERVER_ERROR"))).isEqualTo(1);
		assertThat(increase(before, after, CLIENT, with(vpc, "status", "200", "outcome", "SUCCESS"))).isEqualTo(1);
		assertThat(increase(before, after, "resilience4j_retry_calls_total", "name", "vpc", "kind",
				"successful_with_retry"))
			.isEqualTo(1);
		assertThat(increase(before, after, "resilience4j_retry_calls_total", "name", "vpc", "kind",
				"successful_without_retry"))
			.isZero();
	}

	@Test
	void throttlingShowsAsStatus429OfTheUpstream() {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		Scrape before = Scrape.of(managementPort);

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(429);

		assertThat(increase(before, Scrape.of(managementPort), CLIENT, "client_name", "vpc", "status", "429", "outcome",
				"CLIENT_ERROR"))
			.isEqualTo(1);
	}

	@Test
	void aResponseTimeoutIsCountedWithItsRootCause() {
		// 2 s response timeout (application-test.yaml); POST is not retried after a
		// timeout.
		upstream.stubFor(WireMock.post(urlPathMatching("/hss/.*"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(2_500)));
		Scrape before = Scrape.of(managementPort);

		assertThat(post(HSS_PATH, HSS_BODY).statusCode()).isEqualTo(504);

		Scrape after = Scrape.of(managementPort);
		assertThat(increase(before, after, "gateway_upstream_timeouts_total", "upstream", "hss", "timeout", "response"))
			.isEqualTo(1);
		assertThat(increase(before, after, "gateway_upstream_timeouts_total", "upstream", "hss", "timeout", "deadline"))
			.isZero();
		assertThat(increase(before, after, CLIENT, "client_name", "hss", "uri", ServerMetricsTest.HSS_ROUTE,
				"exception", "ReadTimeoutException"))
			.isEqualTo(1);
	}

	@Test
	void everyUpstreamHasItsSeriesBeforeItsFirstFailure() {
		Scrape scrape = Scrape.of(managementPort);

		for (String upstreamName : new String[] { "vpc", "hss" }) {
			assertThat(scrape.matching("gateway_upstream_timeouts_total", "upstream", upstreamName)).hasSize(2);
			assertThat(scrape.matching("resilience4j_retry_calls_total", "name", upstreamName)).hasSize(4);
			assertThat(scrape.matching("resilience4j_circuitbreaker_state", "name", upstreamName)).isNotEmpty();
		}
	}

	private static String[] with(String[] base, String... more) {
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	private static double increase(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
