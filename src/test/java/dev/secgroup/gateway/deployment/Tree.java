package dev.secgroup.gateway.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Navigation in parsed YAML/JSON trees (maps and lists). */
final class Tree {

	private Tree() {
	}

	/**
	 * Walks a dotted path; {@code \\.} is a literal dot in a key, {@code [n]} an index.
	 */
	static Object at(Object node, String path) {
		Object current = node;
		for (String part : path.split("(?<!\\\\)\\.")) {
			String key = part.replace("\\.", ".");
			int bracket = key.indexOf('[');
			String field = bracket < 0 ? key : key.substring(0, bracket);
			if (!field.isEmpty()) {
				if (!(current instanceof Map<?, ?> m)) {
					return null;
				}
				current = m.get(field);
			}
			while (bracket >= 0) {
				int close = key.indexOf(']', bracket);
				int index = Integer.parseInt(key.substring(bracket + 1, close));
				if (!(current instanceof List<?> l) || l.size() <= index) {
					return null;
				}
				current = l.get(index);
				bracket = key.indexOf('[', close);
			}
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

	static Map<String, String> strings(Object node) {
		Map<String, String> result = new LinkedHashMap<>();
		map(node).forEach((k, v) -> result.put(k, String.valueOf(v)));
		return result;
	}

	/**
	 * Flattens a configuration tree into Spring property names: maps by dots, lists of
	 * maps by index ({@code clients[0].name}); a list of scalars is one property.
	 */
	static Map<String, Object> flatten(Map<String, Object> tree) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", tree, flat);
		return flat;
	}

	private static void flatten(String prefix, Object node, Map<String, Object> flat) {
		if (node instanceof Map<?, ?> m && !m.isEmpty()) {
			m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, flat));
		}
		else if (node instanceof List<?> l && l.stream().anyMatch(e -> e instanceof Map)) {
			for (int i = 0; i < l.size(); i++) {
				flatten(prefix + "[" + i + "]", l.get(i), flat);
			}
		}
		else {
			flat.put(prefix, node);
		}
	}

}
