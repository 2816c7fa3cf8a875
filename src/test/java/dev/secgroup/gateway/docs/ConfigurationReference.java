package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code gateway.*} property the application binds, read from the configuration
 * metadata that spring-boot-configuration-processor generates from the
 * {@code @ConfigurationProperties} records (plus the hand-written additional metadata).
 * Maps and lists of the gateway's own records are expanded into their leaves, which the
 * metadata does not list: {@code gateway.upstreams.<name>.pool.max-connections},
 * {@code gateway.security.clients[i].name}.
 */
final class ConfigurationReference {

	private static final String OWN_PACKAGE = "dev.secgroup.gateway.";

	private static final String PREFIX = "gateway.";

	/**
	 * One property.
	 *
	 * @param name its name, {@code <key>} for a map key and {@code [i]} for a list index
	 * @param type its Java type, simplified
	 * @param defaultValue its default, if the code declares one
	 * @param description the Javadoc of its record component, if the metadata has it
	 * @param open whether entries below it are the property's own (a map or list of plain
	 * values): {@code gateway.x.<key>} then documents {@code gateway.x}
	 */
	record Property(String name, String type, String defaultValue, String description, boolean open) {
	}

	private ConfigurationReference() {
	}

	/** The gateway's properties by name, sorted. */
	static Map<String, Property> load() {
		Map<String, Property> properties = new TreeMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : resources(resource)) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String name = property.path("name").asString();
						if (name.startsWith(PREFIX)) {
							expand(name, property.path("type").asString(""), text(property.path("defaultValue")),
									javadoc(property.path("description").asString("")), properties);
						}
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return properties;
	}

	/**
	 * A placeholder-neutral form: {@code <anything>} and {@code [anything]} compare
	 * equal.
	 */
	static String normalized(String name) {
		return name.replaceAll("<[^>]*>", "<>").replaceAll("\\[[^\\]]*\\]", "[]").toLowerCase(Locale.ROOT);
	}

	private static void expand(String name, String metadataType, String defaultValue, String description,
			Map<String, Property> into) {
		String raw = metadataType.contains("<") ? metadataType.substring(0, metadataType.indexOf('<')) : metadataType;
		List<String> arguments = typeArguments(metadataType);
		if (raw.endsWith("Map") && arguments.size() == 2 && isOwnRecord(arguments.get(1))) {
			leaves(name + ".<key>", load(arguments.get(1)), into);
		}
		else if (isCollection(raw) && arguments.size() == 1 && isOwnRecord(arguments.get(0))) {
			leaves(name + "[i]", load(arguments.get(0)), into);
		}
		else {
			into.putIfAbsent(name, new Property(name, simple(metadataType), defaultValue, description,
					raw.endsWith("Map") || isCollection(raw)));
		}
	}

	/** The leaves below one of our records, defaults from its {@code @DefaultValue}s. */
	private static void leaves(String prefix, Class<?> record, Map<String, Property> into) {
		Constructor<?> canonical = canonical(record);
		RecordComponent[] components = record.getRecordComponents();
		for (int i = 0; i < components.length; i++) {
			String name = prefix + "." + kebab(components[i].getName());
			Type type = components[i].getGenericType();
			Class<?> rawType = raw(type);
			DefaultValue declared = canonical.getParameters()[i].getAnnotation(DefaultValue.class);
			String defaultValue = (declared == null) ? "" : String.join(",", declared.value());
			if (isOwnRecord(rawType)) {
				leaves(name, rawType, into);
			}
			else if (Map.class.isAssignableFrom(rawType) && isOwnRecord(raw(argument(type, 1)))) {
				leaves(name + ".<key>", raw(argument(type, 1)), into);
			}
			else if (Collection.class.isAssignableFrom(rawType) && isOwnRecord(raw(argument(type, 0)))) {
				leaves(name + "[i]", raw(argument(type, 0)), into);
			}
			else {
				boolean open = Map.class.isAssignableFrom(rawType) || Collection.class.isAssignableFrom(rawType);
				into.putIfAbsent(name, new Property(name, simple(type.getTypeName()), defaultValue,
						javadoc(RecordJavadoc.param(record, components[i].getName())), open));
			}
		}
	}

	/** The table configuration.md's rows can be copied from. */
	static String table(Collection<Property> properties) {
		StringBuilder table = new StringBuilder("| property | type | default | meaning |\n|---|---|---|---|\n");
		for (Property property : properties) {
			table.append("| `")
				.append(property.name())
				.append("` | ")
				.append(property.type())
				.append(" | ")
				.append(property.defaultValue().isEmpty() ? "" : "`" + property.defaultValue() + "`")
				.append(" | ")
				.append(property.description())
				.append(" |\n");
		}
		return table.toString();
	}

	private static boolean isOwnRecord(String className) {
		return className.startsWith(OWN_PACKAGE) && load(className).isRecord();
	}

	private static boolean isOwnRecord(Class<?> type) {
		return type.getName().startsWith(OWN_PACKAGE) && type.isRecord();
	}

	private static boolean isCollection(String raw) {
		return raw.endsWith("List") || raw.endsWith("Set") || raw.endsWith("Collection") || raw.endsWith("[]");
	}

	private static Constructor<?> canonical(Class<?> record) {
		Class<?>[] types = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			return record.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("a record without its canonical constructor: " + record, ex);
		}
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> c) {
			return c;
		}
		if (type instanceof ParameterizedType p) {
			return (Class<?>) p.getRawType();
		}
		return Object.class;
	}

	private static Type argument(Type type, int index) {
		if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
			return p.getActualTypeArguments()[index];
		}
		return Object.class;
	}

	private static Class<?> load(String className) {
		try {
			return Class.forName(className, false, ConfigurationReference.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("the metadata names a type that is not on the classpath: " + className, ex);
		}
	}

	/** {@code java.util.Map<java.lang.String,a.B$C>} -> [java.lang.String, a.B$C]. */
	private static List<String> typeArguments(String type) {
		int open = type.indexOf('<');
		if (open < 0) {
			return List.of();
		}
		String inner = type.substring(open + 1, type.lastIndexOf('>'));
		List<String> arguments = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < inner.length(); i++) {
			char c = inner.charAt(i);
			if (c == '<') {
				depth++;
			}
			else if (c == '>') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				arguments.add(inner.substring(start, i).trim());
				start = i + 1;
			}
		}
		arguments.add(inner.substring(start).trim());
		return arguments;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** {@code java.util.List<java.lang.String>} -> {@code List<String>}. */
	private static String simple(String type) {
		return type.replaceAll("[a-z][a-z0-9_]*\\.", "").replaceAll("[A-Za-z0-9_]+\\$", "");
	}

	private static String javadoc(String text) {
		return text.replaceAll("\\{@(?:code|literal) ((?:[^{}]|\\{[^{}]*})*)}", "`$1`")
			.replaceAll("\\{@link(?:plain)? ([^}]*)}", "$1")
			.replaceAll("\\s+", " ")
			.replace("|", "\\|")
			.trim();
	}

	private static String text(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach(item -> items.add(item.asString()));
			return String.join(",", items);
		}
		return value.asString();
	}

	private static List<URL> resources(String name) {
		try {
			return Collections.list(ConfigurationReference.class.getClassLoader().getResources(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
