package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's README has a row for every value of values.yaml, as well-kept charts do. A
 * value is covered by its own row or by a row of an enclosing object documented as a
 * whole ({@code resources} covers {@code resources.limits.cpu}). Plain YAML reading: no
 * helm-java, so no {@code helm} tag.
 */
class ChartReadmeTest {

	private static final Path CHART = Path.of("helm/secgroup-gateway");

	private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

	@Test
	void everyValueHasARow() throws IOException {
		Set<String> rows = rows();
		List<String> missing = leaves(values(), "").stream().filter(path -> !covered(path, rows)).toList();
		assertThat(missing).as("values of %s/values.yaml without a row in %s/README.md", CHART, CHART).isEmpty();
	}

	@Test
	void everyRowIsAValue() throws IOException {
		Map<String, Object> values = values();
		List<String> unknown = rows().stream().filter(row -> !exists(values, row)).sorted().toList();
		assertThat(unknown).as("rows of %s/README.md that values.yaml does not have", CHART).isEmpty();
	}

	private static boolean covered(String path, Set<String> rows) {
		for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
			if (rows.contains(prefix)) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static boolean exists(Map<String, Object> values, String path) {
		Object node = values;
		for (String key : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
				return false;
			}
			node = ((Map<String, Object>) map).get(key);
		}
		return true;
	}

	/** Scalars, lists and empty objects, by dotted path. */
	@SuppressWarnings("unchecked")
	private static List<String> leaves(Map<String, Object> node, String prefix) {
		List<String> leaves = new ArrayList<>();
		node.forEach((key, value) -> {
			String path = prefix + key;
			if (value instanceof Map<?, ?> map && !map.isEmpty()) {
				leaves.addAll(leaves((Map<String, Object>) map, path + "."));
			}
			else {
				leaves.add(path);
			}
		});
		return leaves;
	}

	private static String parent(String path) {
		int dot = path.lastIndexOf('.');
		return (dot < 0) ? "" : path.substring(0, dot);
	}

	private static Map<String, Object> values() throws IOException {
		return new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
	}

	private static Set<String> rows() throws IOException {
		return Files.readAllLines(CHART.resolve("README.md"))
			.stream()
			.map(ROW::matcher)
			.filter(Matcher::find)
			.map(row -> row.group(1))
			.collect(Collectors.toSet());
	}

}
