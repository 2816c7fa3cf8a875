package dev.secgroup.gateway.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard ConfigMap is labelled for the sidecar and covers the gateway's
 * metrics. Rendered by Helm's own engine ({@link HelmCharts}); tagged {@code helm}: runs
 * in its own surefire JVM.
 */
@Tag("helm")
class HelmChartDashboardTest {

	private static final RenderedChart full = HelmCharts.full();

	@Test
	void dashboardIsLabelledForTheGrafanaSidecarAndCoversTheGatewaysMetrics() {
		Map<String, Object> configMap = full.named("ConfigMap", "gw-full-dashboard");
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree((String) at(configMap, "data.secgroup-gateway\\.json"));
		List<String> expressions = new ArrayList<>();
		dashboard.path("panels")
			.forEach(panel -> panel.path("targets").forEach(t -> expressions.add(t.path("expr").asString())));

		assertThat(strings(at(configMap, "metadata.labels"))).containsEntry("grafana_dashboard", "1");
		assertThat(at(configMap, "metadata.namespace")).isEqualTo("monitoring");
		assertThat(strings(at(configMap, "metadata.annotations"))).containsEntry("grafana_folder", "Gateways");
		assertThat(dashboard.path("uid").asString()).isEqualTo("secgroup-gateway");
		assertThat(String.join("\n", expressions)).contains("http_server_requests_seconds",
				"http_client_requests_seconds", "resilience4j_circuitbreaker_state", "resilience4j_retry_calls_total",
				"gateway_audit_events_total", "gateway_credentials_token_requests_total",
				"gateway_idempotency_calls_total", "gateway_idempotency_store_errors_total");
	}

}
