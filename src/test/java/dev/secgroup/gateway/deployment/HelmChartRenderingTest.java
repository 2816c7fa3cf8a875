package dev.secgroup.gateway.deployment;

import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.secgroup.gateway.deployment.HelmCharts.kinds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart lints clean in strict mode and renders exactly the resources its values ask
 * for, never a Secret. Rendered by Helm's own engine ({@link HelmCharts}); tagged
 * {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartRenderingTest {

	private static final RenderedChart defaults = HelmCharts.defaults();

	private static final RenderedChart full = HelmCharts.full();

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@Test
	void lintsCleanInStrictMode() {
		LintResult lint = new Helm(DeploymentContract.CHART_DIR).lint().strict().call();

		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
	}

	@Test
	void defaultValuesRenderTheCoreResourcesOnly() {
		assertThat(kinds(defaults)).containsExactlyInAnyOrder("ConfigMap", "Deployment", "Service", "Service",
				"ServiceAccount", "PodDisruptionBudget", "NetworkPolicy");
	}

	@Test
	void fullValuesRenderEveryOptionalResource() {
		assertThat(kinds(full)).containsExactlyInAnyOrder("ConfigMap", "ConfigMap", "Deployment", "Service", "Service",
				"ServiceAccount", "PodDisruptionBudget", "NetworkPolicy", "HorizontalPodAutoscaler", "ServiceMonitor");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void neverRendersASecret(String name, RenderedChart chart) {
		assertThat(kinds(chart)).doesNotContain("Secret");
	}

}
