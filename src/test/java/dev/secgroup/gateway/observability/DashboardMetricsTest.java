package dev.secgroup.gateway.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the Grafana dashboard queries is one the gateway really exposes (a renamed
 * meter would otherwise leave a silently empty panel), and the dashboard has a panel for
 * each question of the on-call engineer. Runs in {@code password} mode (the configuration
 * of {@code PasswordTokenTest}, so the context is shared), where the IAM token metrics
 * exist too, with a (generous) HSS quota, so that the quota meters exist.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "gateway.credentials.mode=password", "gateway.credentials.user-name=gateway-robot",
		"gateway.credentials.password=Pa55w0rd-\"quoted\"-secret", "gateway.credentials.domain-name=acme-account",
		"gateway.credentials.token-refresh-margin=1h", "gateway.upstreams.hss.quota.requests=1000" })
class DashboardMetricsTest extends GatewayTestSupport {

	static final Path DASHBOARD = Path.of("helm/secgroup-gateway/dashboards/secgroup-gateway.json");

	/** Prometheus's own series, not the gateway's. */
	private static final Set<String> PROMETHEUS_OWN = Set.of("up");

	/**
	 * Counters registered on their first event, with the event (this test does not
	 * provoke it).
	 */
	private static final Map<String, String> ON_FIRST_EVENT = Map.of("gateway_credentials_upstream_rejections_total",
			"upstream answered 401 to the gateway's credentials", "gateway_credentials_caller_token_missing_total",
			"a pass-through call without X-Auth-Token");

	private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9_]*)\\s*(\\{|\\[)");

	private static final DateTimeFormatter IAM_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	@Autowired
	MutableClock clock;

	@Test
	void everyQueriedMetricIsExposed() throws IOException {
		String project = "dashboard" + System.nanoTime();
		upstream.stubFor(WireMock.post(urlEqualTo("/iam/v3/auth/tokens?nocatalog=true"))
			.willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Subject-Token", "token-" + project)
				.withBody("{\"token\":{\"expires_at\":\"" + IAM_TIME.format(clock.instant().plus(Duration.ofHours(24)))
						+ "\",\"methods\":[\"password\"]}}")));
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		assertThat(put(VPC_PATH.replace(PROJECT, project), VPC_BODY).statusCode()).isEqualTo(200);
		Set<String> queried = queriedMetrics();

		Scrape.eventually(managementPort, scrape -> {
			Set<String> exposed = scrape.all().stream().map(Scrape.Series::name).collect(Collectors.toSet());
			assertThat(queried).allSatisfy(metric -> {
				if (!PROMETHEUS_OWN.contains(metric) && !ON_FIRST_EVENT.containsKey(metric)) {
					assertThat(exposed).as("queried by the dashboard").contains(metric);
				}
			});
			assertThat(scrape.matching("gateway_credentials_token_expiry_seconds", "project", "other")).hasSize(1);
		});
	}

	@Test
	void coversWhatTheOnCallEngineerAsks() throws IOException {
		assertThat(queriedMetrics()).contains("http_server_requests_seconds_count",
				"http_server_requests_seconds_bucket", "http_client_requests_seconds_count",
				"http_client_requests_seconds_bucket", "gateway_upstream_timeouts_total",
				"resilience4j_circuitbreaker_state", "resilience4j_retry_calls_total", "gateway_audit_events_total",
				"gateway_credentials_token_requests_total", "gateway_credentials_token_expiry_seconds",
				"gateway_idempotency_calls_total", "gateway_idempotency_store_errors_total");
	}

	static Set<String> queriedMetrics() throws IOException {
		JsonNode dashboard = parse(Files.readString(DASHBOARD));
		Set<String> metrics = new TreeSet<>();
		dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
			Matcher matcher = METRIC.matcher(target.path("expr").asString());
			while (matcher.find()) {
				metrics.add(matcher.group(1));
			}
		}));
		metrics.removeAll(Set.of("by", "rate", "sum", "min", "max", "count", "histogram_quantile", "clamp_min",
				"vector", "without", "on", "or"));
		return metrics;
	}

}
