package dev.secgroup.gateway.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.secgroup.gateway.deployment.HelmCharts.volume;
import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static dev.secgroup.gateway.deployment.RenderedChart.map;
import static dev.secgroup.gateway.deployment.RenderedChart.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod runs non-root with a read-only root, no capabilities and RuntimeDefault
 * seccomp, spread across nodes. Rendered by Helm's own engine ({@link HelmCharts});
 * tagged {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartHardeningTest {

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void podRunsAsTheImagesNonRootUserWithRuntimeDefaultSeccomp(String name, RenderedChart chart) {
		Map<String, Object> pod = map(chart.podSpec().get("securityContext"));

		assertThat(pod).containsEntry("runAsNonRoot", true);
		assertThat(((Number) pod.get("runAsUser")).longValue()).isEqualTo(DeploymentContract.RUN_AS_USER);
		assertThat(((Number) pod.get("runAsGroup")).longValue()).isEqualTo(DeploymentContract.RUN_AS_USER);
		assertThat(((Number) pod.get("fsGroup")).longValue()).isEqualTo(DeploymentContract.RUN_AS_USER);
		assertThat(at(pod, "seccompProfile.type")).isEqualTo("RuntimeDefault");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void containerHasAReadOnlyRootNoEscalationAndNoCapabilities(String name, RenderedChart chart) {
		Map<String, Object> container = chart.container();
		Map<String, Object> security = map(container.get("securityContext"));

		assertThat(security).containsEntry("runAsNonRoot", true)
			.containsEntry("readOnlyRootFilesystem", true)
			.containsEntry("allowPrivilegeEscalation", false)
			.containsEntry("privileged", false);
		assertThat(((Number) security.get("runAsUser")).longValue()).isEqualTo(DeploymentContract.RUN_AS_USER);
		assertThat(list(at(security, "capabilities.drop"))).containsExactly("ALL");
		assertThat(at(security, "capabilities.add")).isNull();
		assertThat(at(security, "seccompProfile.type")).isEqualTo("RuntimeDefault");
		assertThat(at(container, "resources.requests.cpu")).isNotNull();
		assertThat(at(container, "resources.requests.memory")).isNotNull();
		assertThat(at(container, "resources.limits.memory")).isNotNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void onlyTmpIsWritableAndItIsAnEmptyDir(String name, RenderedChart chart) {
		List<Object> mounts = list(chart.container().get("volumeMounts"));
		Map<String, Object> tmpVolume = volume(chart, "tmp");

		assertThat(mounts).anySatisfy(m -> {
			assertThat(at(m, "mountPath")).isEqualTo("/tmp");
			assertThat(at(m, "name")).isEqualTo("tmp");
		});
		assertThat(tmpVolume).containsKey("emptyDir");
		assertThat(mounts).filteredOn(m -> !"/tmp".equals(at(m, "mountPath")))
			.allSatisfy(m -> assertThat(at(m, "readOnly")).as("%s", at(m, "mountPath")).isEqualTo(true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void podsSpreadAcrossNodes(String name, RenderedChart chart) {
		Map<String, Object> spec = chart.podSpec();
		Map<String, String> podLabels = chart.podLabels();

		List<Object> spread = list(spec.get("topologySpreadConstraints"));
		assertThat(spread).extracting(c -> at(c, "topologyKey")).contains("kubernetes.io/hostname");
		assertThat(spread)
			.allSatisfy(c -> assertThat(podLabels).containsAllEntriesOf(strings(at(c, "labelSelector.matchLabels"))));
		Object antiAffinity = at(spec, "affinity.podAntiAffinity");
		assertThat(antiAffinity).isNotNull();
		Object term = Optional
			.ofNullable(at(antiAffinity, "preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm"))
			.orElse(at(antiAffinity, "requiredDuringSchedulingIgnoredDuringExecution[0]"));
		assertThat(at(term, "topologyKey")).isEqualTo("kubernetes.io/hostname");
		assertThat(podLabels).containsAllEntriesOf(strings(at(term, "labelSelector.matchLabels")));
	}

}
