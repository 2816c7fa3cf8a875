package dev.secgroup.gateway.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;

/**
 * What the {@code HelmChart*Test} classes share: the chart rendered once per JVM for the
 * default values and for a values file with every optional feature on, the properties the
 * application binds, and lookups into a rendered pod. Only for {@code @Tag("helm")} tests
 * (helm-java runs in their own JVM).
 */
final class HelmCharts {

	static final Path FULL_VALUES = DeploymentContract.PROJECT_DIR.resolve("src/test/resources/helm/full-values.yaml");

	/**
	 * Properties the chart sets that the application does not bind yet: the code that
	 * binds them is being written in parallel. Remove each entry once its code is on main
	 * (the test prints which ones are bound by then).
	 */
	private static final Map<String, String> NOT_YET_BOUND = notYetBound();

	private static KnownProperties properties;

	private static RenderedChart defaults;

	private static RenderedChart full;

	private HelmCharts() {
	}

	static synchronized KnownProperties properties() {
		if (properties == null) {
			properties = KnownProperties.fromClasspath(NOT_YET_BOUND);
		}
		return properties;
	}

	/** The chart with its default values. */
	static synchronized RenderedChart defaults() {
		if (defaults == null) {
			defaults = RenderedChart.render(Map.of());
		}
		return defaults;
	}

	/** The chart with every optional feature on ({@code full-values.yaml}). */
	static synchronized RenderedChart full() {
		if (full == null) {
			full = RenderedChart.render(FULL_VALUES);
		}
		return full;
	}

	static Stream<Arguments> valueSets() {
		return Stream.of(Arguments.of("default values", defaults()), Arguments.of("full values", full()));
	}

	static List<String> kinds(RenderedChart chart) {
		return chart.documents().stream().map(d -> (String) d.get("kind")).toList();
	}

	static Object containerPort(Map<String, Object> container, Object port) {
		if (port instanceof Integer) {
			return port;
		}
		return list(container.get("ports")).stream()
			.filter(p -> port.equals(at(p, "name")))
			.map(p -> at(p, "containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + port));
	}

	static Map<String, Object> volume(RenderedChart chart, String name) {
		return list(chart.podSpec().get("volumes")).stream()
			.filter(v -> name.equals(at(v, "name")))
			.map(RenderedChart::map)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume " + name));
	}

	static Map<String, Object> mount(RenderedChart chart, String name) {
		return list(chart.container().get("volumeMounts")).stream()
			.filter(v -> name.equals(at(v, "name")))
			.map(RenderedChart::map)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume mount " + name));
	}

	static String checksum(RenderedChart chart) {
		return (String) at(chart.deployment(), "spec.template.metadata.annotations.checksum/config");
	}

	static void reportNotYetBound(String valueSet, Iterable<String> keys) {
		for (String key : keys) {
			properties().notYetBoundReason(key)
				.filter(reason -> !properties().isKnownByCode(key))
				.ifPresent(reason -> System.out.printf("[%s] %s is not bound yet: %s%n", valueSet, key, reason));
		}
		properties().boundMeanwhile()
			.forEach(name -> System.out
				.printf("NOTE: %s is bound by the application now: remove it from HelmCharts.NOT_YET_BOUND%n", name));
	}

	static Map<String, String> notYetBound() {
		// Every property the chart sets is bound by the application now
		// (gateway.credentials.* since
		// issue 3); add a name here, with the reason, while its binding code is still
		// being written.
		return new LinkedHashMap<>();
	}

}
