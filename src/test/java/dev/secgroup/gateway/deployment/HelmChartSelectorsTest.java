package dev.secgroup.gateway.deployment;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every selector matches the pod labels; the autoscaler and the disruption budget target
 * the Deployment. Rendered by Helm's own engine ({@link HelmCharts}); tagged
 * {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartSelectorsTest {

	private static final RenderedChart defaults = HelmCharts.defaults();

	private static final RenderedChart full = HelmCharts.full();

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everySelectorMatchesThePodLabels(String name, RenderedChart chart) {
		Map<String, String> podLabels = chart.podLabels();

		assertThat(podLabels).containsAllEntriesOf(strings(at(chart.deployment(), "spec.selector.matchLabels")));
		assertThat(chart.all("Service"))
			.allSatisfy(service -> assertThat(podLabels).containsAllEntriesOf(strings(at(service, "spec.selector"))));
		assertThat(podLabels)
			.containsAllEntriesOf(strings(at(chart.one("NetworkPolicy"), "spec.podSelector.matchLabels")));
		assertThat(podLabels)
			.containsAllEntriesOf(strings(at(chart.one("PodDisruptionBudget"), "spec.selector.matchLabels")));
		assertThat(strings(at(chart.deployment(), "spec.selector.matchLabels")))
			.as("selector labels never carry the version (a Deployment's selector is immutable)")
			.doesNotContainKey("app.kubernetes.io/version");
	}

	@Test
	void autoscalerTargetsTheDeploymentWhichThenLeavesReplicasToIt() {
		Map<String, Object> hpa = full.one("HorizontalPodAutoscaler");

		assertThat(at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
		assertThat(at(hpa, "spec.scaleTargetRef.name")).isEqualTo(at(full.deployment(), "metadata.name"));
		assertThat(at(hpa, "spec.minReplicas")).isEqualTo(3);
		assertThat(at(full.deployment(), "spec.replicas")).isNull();
		assertThat(at(defaults.deployment(), "spec.replicas")).isEqualTo(2);
	}

	@Test
	void disruptionBudgetKeepsPodsUp() {
		assertThat(at(defaults.one("PodDisruptionBudget"), "spec.maxUnavailable")).isEqualTo(1);
		assertThat(at(full.one("PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(2);
		assertThat(at(full.one("PodDisruptionBudget"), "spec.maxUnavailable")).isNull();
	}

}
