package dev.secgroup.gateway.deployment;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.convert.DurationStyle;

import static dev.secgroup.gateway.deployment.HelmCharts.checksum;
import static dev.secgroup.gateway.deployment.HelmCharts.mount;
import static dev.secgroup.gateway.deployment.HelmCharts.volume;
import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown fits in the grace period, and only a configuration change rolls the
 * pods. Rendered by Helm's own engine ({@link HelmCharts}); tagged {@code helm}: runs in
 * its own surefire JVM.
 */
@Tag("helm")
class HelmChartRolloutTest {

	private static final RenderedChart defaults = HelmCharts.defaults();

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void terminationGracePeriodCoversThePreStopPauseAndTheShutdownPhase(String name, RenderedChart chart) {
		Duration phase = DurationStyle
			.detectAndParse((String) at(chart.applicationConfig(), "spring.lifecycle.timeout-per-shutdown-phase"));
		int preStop = (Integer) at(chart.container(), "lifecycle.preStop.sleep.seconds");
		int grace = (Integer) chart.podSpec().get("terminationGracePeriodSeconds");

		assertThat(preStop).isPositive();
		assertThat(grace).isGreaterThan(preStop + (int) phase.toSeconds());
		assertThat(at(chart.applicationConfig(), "server.shutdown")).isEqualTo("graceful");
	}

	@Test
	void defaultShutdownPhaseIsTheApplicationsOwn() {
		Map<String, Object> image = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(HelmChartRolloutTest.class.getResourceAsStream("/application.yaml"));

		assertThat(at(defaults.applicationConfig(), "spring.lifecycle.timeout-per-shutdown-phase"))
			.isEqualTo(at(image, "spring.lifecycle.timeout-per-shutdown-phase"));
		assertThat(at(image, "server.shutdown")).isEqualTo("graceful");
	}

	@Test
	void configurationChangeRollsThePodsAndNothingElseDoes() {
		String checksum = checksum(defaults);

		assertThat(checksum).matches("[0-9a-f]{64}");
		assertThat(checksum(RenderedChart.render(Map.of("gateway.region", "eu-west-101")))).isNotEqualTo(checksum);
		assertThat(checksum(RenderedChart.render(Map.of("config.gateway.upstreams.vpc.retry.max-attempts", 5))))
			.isNotEqualTo(checksum);
		assertThat(checksum(RenderedChart.render(Map.of("replicaCount", 4)))).isEqualTo(checksum);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void runsANonLocalProfileAndReadsTheConfigMap(String name, RenderedChart chart) {
		String profiles = (String) chart.env().get("SPRING_PROFILES_ACTIVE").get("value");
		String fullname = (String) at(chart.deployment(), "metadata.name");

		assertThat(profiles.split(",")).contains("kubernetes").doesNotContain("local");
		assertThat(chart.env().get("SPRING_CONFIG_ADDITIONAL_LOCATION").get("value"))
			.isEqualTo("optional:file:/etc/secgroup-gateway/config/");
		assertThat(at(mount(chart, "config"), "mountPath")).isEqualTo("/etc/secgroup-gateway/config");
		assertThat(at(volume(chart, "config"), "configMap.name")).isEqualTo(fullname);
	}

}
