package dev.secgroup.gateway.deployment;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.secgroup.gateway.deployment.HelmCharts.containerPort;
import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static dev.secgroup.gateway.deployment.RenderedChart.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probes, ports, Services and the ServiceMonitor point at what the application really
 * serves. Rendered by Helm's own engine ({@link HelmCharts}); tagged {@code helm}: runs
 * in its own surefire JVM.
 */
@Tag("helm")
class HelmChartPortsTest {

	private static final RenderedChart full = HelmCharts.full();

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void probesUseTheHealthGroupsOnTheManagementPort(String name, RenderedChart chart) {
		Map<String, Object> container = chart.container();

		assertThat(at(container, "startupProbe.httpGet.path")).isEqualTo(DeploymentContract.LIVENESS_PATH);
		assertThat(at(container, "livenessProbe.httpGet.path")).isEqualTo(DeploymentContract.LIVENESS_PATH);
		assertThat(at(container, "readinessProbe.httpGet.path")).isEqualTo(DeploymentContract.READINESS_PATH);
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			assertThat(containerPort(container, at(container, probe + ".httpGet.port"))).as(probe)
				.isEqualTo(DeploymentContract.MANAGEMENT_PORT);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void applicationListensOnThePortsThePodDeclares(String name, RenderedChart chart) {
		Map<String, Object> config = chart.applicationConfig();
		Map<String, Object> container = chart.container();

		assertThat(at(config, "server.port")).isEqualTo(DeploymentContract.API_PORT)
			.isEqualTo(containerPort(container, "http"));
		assertThat(at(config, "management.server.port")).isEqualTo(DeploymentContract.MANAGEMENT_PORT)
			.isEqualTo(containerPort(container, "management"));
		assertThat(at(config, "management.endpoint.health.probes.enabled")).isEqualTo(true);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void apiServiceExposesOnlyTheApiAndManagementHasItsOwnService(String name, RenderedChart chart) {
		String fullname = (String) at(chart.deployment(), "metadata.name");
		Map<String, Object> api = chart.named("Service", fullname);
		Map<String, Object> management = chart.named("Service", fullname + "-management");

		assertThat(list(at(api, "spec.ports"))).singleElement()
			.satisfies(port -> assertThat(at(port, "targetPort")).isEqualTo("http"));
		assertThat(list(at(management, "spec.ports"))).singleElement()
			.satisfies(port -> assertThat(at(port, "targetPort")).isEqualTo("management"));
	}

	@Test
	void serviceMonitorScrapesPrometheusOnTheManagementService() {
		Map<String, Object> monitor = full.one("ServiceMonitor");
		Map<String, Object> management = full.named("Service", "gw-full-management");

		assertThat(at(monitor, "spec.endpoints[0].path")).isEqualTo(DeploymentContract.PROMETHEUS_PATH);
		assertThat(at(monitor, "spec.endpoints[0].port")).isEqualTo(at(management, "spec.ports[0].name"));
		assertThat(strings(at(management, "metadata.labels")))
			.containsAllEntriesOf(strings(at(monitor, "spec.selector.matchLabels")));
		assertThat(strings(at(full.named("Service", "gw-full"), "metadata.labels")))
			.as("the API Service is not scraped")
			.doesNotContainEntry("app.kubernetes.io/component", "management");
		assertThat(strings(at(monitor, "metadata.labels"))).containsEntry("release", "kube-prometheus-stack");
	}

}
