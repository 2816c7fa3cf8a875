package dev.secgroup.gateway.observability;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code http.server.requests} names each call by its operation's route template and
 * outcome, with a percentile histogram (and the SLO boundary application-test.yaml
 * configures), and an unknown path as {@code NOT_FOUND}.
 */
class ServerMetricsTest extends GatewayTestSupport {

	static final String SERVER = "http_server_requests_seconds_count";

	static final String VPC_ROUTE = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	static final String HSS_ROUTE = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

	@Test
	void eachOperationIsCountedByRouteTemplateStatusAndOutcome() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		upstream.stubFor(WireMock.post(urlPathMatching("/hss/.*")).willReturn(aResponse().withStatus(200)));
		Scrape before = Scrape.of(managementPort);

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);
		assertThat(post(HSS_PATH, HSS_BODY).statusCode()).isEqualTo(200);
		assertThat(put(VPC_PATH, "{}").statusCode()).isEqualTo(400);

		Scrape.eventually(managementPort, after -> {
			assertThat(
					increase(before, after, "method", "PUT", "uri", VPC_ROUTE, "status", "200", "outcome", "SUCCESS"))
				.isEqualTo(1);
			assertThat(
					increase(before, after, "method", "POST", "uri", HSS_ROUTE, "status", "200", "outcome", "SUCCESS"))
				.isEqualTo(1);
			assertThat(increase(before, after, "method", "PUT", "uri", VPC_ROUTE, "status", "400", "outcome",
					"CLIENT_ERROR"))
				.isEqualTo(1);
		});
	}

	@Test
	void anUnknownPathIsNotFoundNotItsRawPath() {
		assertThat(send("GET", "/v3/" + PROJECT + "/no-such-thing", null, null).statusCode()).isEqualTo(404);

		Scrape.eventually(managementPort, scrape -> {
			assertThat(scrape.matching(SERVER, "uri", "NOT_FOUND", "status", "404")).isNotEmpty();
			assertThat(scrape.all()).noneMatch(s -> s.labels().containsValue("/**"));
		});
	}

	@Test
	void serverAndClientTimersHaveHistogramBucketsAndTheConfiguredSloBoundary() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		put(VPC_PATH, VPC_BODY);

		Scrape.eventually(managementPort, scrape -> {
			assertThat(scrape.matching("http_server_requests_seconds_bucket", "uri", VPC_ROUTE)).hasSizeGreaterThan(20);
			assertThat(scrape.matching("http_client_requests_seconds_bucket", "client_name", "vpc"))
				.hasSizeGreaterThan(20);
			// management.metrics.distribution.slo.http.server.requests=123ms
			// (application-test.yaml)
			assertThat(scrape.matching("http_server_requests_seconds_bucket", "uri", VPC_ROUTE, "le", "0.123"))
				.isNotEmpty();
			// The in-flight gauges get no percentile buckets (only the configured SLO
			// boundary).
			assertThat(scrape.named("http_server_requests_active_seconds_gcount")).isNotEmpty();
			for (String active : new String[] { "http_server_requests_active_seconds_bucket",
					"http_client_requests_active_seconds_bucket" }) {
				assertThat(scrape.named(active))
					.allSatisfy(s -> assertThat(s.labels().get("le")).isIn("0.123", "+Inf"));
			}
		});
	}

	private static double increase(Scrape before, Scrape after, String... labels) {
		return after.value(SERVER, labels) - before.value(SERVER, labels);
	}

}
