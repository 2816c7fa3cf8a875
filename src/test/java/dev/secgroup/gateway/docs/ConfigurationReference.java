package dev.secgroup.gateway.docs;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.ConfigurationMetadata;

import org.springframework.boot.context.properties.bind.DefaultValue;

import static dev.secgroup.gateway.support.ConfigurationMetadata.isCollection;
import static dev.secgroup.gateway.support.ConfigurationMetadata.isMap;
import static dev.secgroup.gateway.support.ConfigurationMetadata.kebab;
import static dev.secgroup.gateway.support.ConfigurationMetadata.rawClass;
import static dev.secgroup.gateway.support.ConfigurationMetadata.rawType;
import static dev.secgroup.gateway.support.ConfigurationMetadata.typeArgument;
import static dev.secgroup.gateway.support.ConfigurationMetadata.typeArguments;

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
		for (ConfigurationMetadata.Property property : ConfigurationMetadata.properties()) {
			if (property.name().startsWith(PREFIX)) {
				expand(property.name(), property.type(), text(property.defaultValue()), javadoc(property.description()),
						properties);
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
		String raw = rawType(metadataType);
		List<String> arguments = typeArguments(metadataType);
		if (isMap(raw) && arguments.size() == 2 && isOwnRecord(arguments.get(1))) {
			leaves(name + ".<key>", ConfigurationMetadata.load(arguments.get(1)), into);
		}
		else if (isCollection(raw) && arguments.size() == 1 && isOwnRecord(arguments.get(0))) {
			leaves(name + "[i]", ConfigurationMetadata.load(arguments.get(0)), into);
		}
		else {
			into.putIfAbsent(name, new Property(name, simple(metadataType), defaultValue, description,
					isMap(raw) || isCollection(raw)));
		}
	}

	/** The leaves below one of our records, defaults from its {@code @DefaultValue}s. */
	private static void leaves(String prefix, Class<?> record, Map<String, Property> into) {
		Constructor<?> canonical = canonical(record);
		RecordComponent[] components = record.getRecordComponents();
		for (int i = 0; i < components.length; i++) {
			String name = prefix + "." + kebab(components[i].getName());
			Type type = components[i].getGenericType();
			Class<?> rawType = rawClass(type);
			DefaultValue declared = canonical.getParameters()[i].getAnnotation(DefaultValue.class);
			String defaultValue = (declared == null) ? "" : String.join(",", declared.value());
			if (isOwnRecord(rawType)) {
				leaves(name, rawType, into);
			}
			else if (Map.class.isAssignableFrom(rawType) && isOwnRecord(rawClass(typeArgument(type, 1)))) {
				leaves(name + ".<key>", rawClass(typeArgument(type, 1)), into);
			}
			else if (Collection.class.isAssignableFrom(rawType) && isOwnRecord(rawClass(typeArgument(type, 0)))) {
				leaves(name + "[i]", rawClass(typeArgument(type, 0)), into);
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
		return className.startsWith(OWN_PACKAGE) && ConfigurationMetadata.load(className).isRecord();
	}

	private static boolean isOwnRecord(Class<?> type) {
		return type.getName().startsWith(OWN_PACKAGE) && type.isRecord();
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

}
