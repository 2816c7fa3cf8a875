package dev.secgroup.gateway.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart rendered by Helm's own engine (helm-java, in-process) and parsed into plain
 * maps. Only for {@code @Tag("helm")} tests: helm-java must not be loaded in the JVM of
 * the other tests (docs/testing.md "Helm tests").
 */
final class RenderedChart {

	static final String RELEASE = "gw";

	static final String NAMESPACE = "team-a";

	/**
	 * The chart requires Kubernetes 1.30+ (preStop sleep action); render for a current
	 * one.
	 */
	static final String KUBE_VERSION = "1.33.0";

	private final String text;

	private final List<Map<String, Object>> documents;

	private RenderedChart(String text) {
		this.text = text;
		this.documents = parse(text);
	}

	/**
	 * Renders with the chart's defaults, then {@code valuesFile} (may be null), then
	 * {@code sets}.
	 */
	static RenderedChart render(Path valuesFile, Map<String, Object> sets) {
		return new RenderedChart(command(valuesFile, sets).call());
	}

	static RenderedChart render(Path valuesFile) {
		return render(valuesFile, Map.of());
	}

	static RenderedChart render(Map<String, Object> sets) {
		return render(null, sets);
	}

	/**
	 * The message with which Helm refuses these values (schema or chart checks); fails if
	 * it does not.
	 */
	static String refusal(Map<String, Object> sets) {
		try {
			String output = command(null, sets).call();
			throw new AssertionError("Helm rendered values it should refuse " + sets + ":\n" + output);
		}
		catch (RuntimeException ex) {
			return Objects.toString(ex.getMessage(), "");
		}
	}

	private static TemplateCommand command(Path valuesFile, Map<String, Object> sets) {
		TemplateCommand command = new Helm(DeploymentContract.CHART_DIR).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBE_VERSION);
		if (valuesFile != null) {
			command = command.withValuesFile(valuesFile);
		}
		for (Map.Entry<String, Object> set : sets.entrySet()) {
			command = command.set(set.getKey(), set.getValue());
		}
		return command;
	}

	String text() {
		return text;
	}

	List<Map<String, Object>> documents() {
		return documents;
	}

	List<Map<String, Object>> all(String kind) {
		return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
	}

	Map<String, Object> one(String kind) {
		List<Map<String, Object>> found = all(kind);
		assertThat(found).as("rendered %s", kind).hasSize(1);
		return found.get(0);
	}

	Map<String, Object> named(String kind, String name) {
		return all(kind).stream()
			.filter(d -> name.equals(at(d, "metadata.name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
	}

	Map<String, Object> deployment() {
		return one("Deployment");
	}

	Map<String, Object> podSpec() {
		return map(at(deployment(), "spec.template.spec"));
	}

	Map<String, Object> container() {
		return map(list(podSpec().get("containers")).get(0));
	}

	Map<String, String> podLabels() {
		return strings(at(deployment(), "spec.template.metadata.labels"));
	}

	/** The application.yaml of the gateway's ConfigMap, parsed. */
	Map<String, Object> applicationConfig() {
		String fullname = (String) at(deployment(), "metadata.name");
		String yaml = (String) at(named("ConfigMap", fullname), "data.application\\.yaml");
		return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
	}

	/** The container's environment: name -> its entry (value or valueFrom). */
	Map<String, Map<String, Object>> env() {
		Map<String, Map<String, Object>> env = new LinkedHashMap<>();
		for (Object entry : list(container().getOrDefault("env", List.of()))) {
			Map<String, Object> variable = map(entry);
			env.put((String) variable.get("name"), variable);
		}
		return env;
	}

	static Object at(Object node, String path) {
		return Tree.at(node, path);
	}

	static Map<String, Object> map(Object node) {
		return Tree.map(node);
	}

	static List<Object> list(Object node) {
		return Tree.list(node);
	}

	static Map<String, String> strings(Object node) {
		return Tree.strings(node);
	}

	static Map<String, Object> flatten(Map<String, Object> tree) {
		return Tree.flatten(tree);
	}

	private static List<Map<String, Object>> parse(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
			if (document instanceof Map<?, ?>) {
				documents.add(map(document));
			}
		}
		return documents;
	}

}
