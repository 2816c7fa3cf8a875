package dev.secgroup.gateway.observability;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.StringUtils;

/**
 * What an ECS line depends on in Spring Boot's structured logging configuration, bound
 * from the {@link Environment} as Boot binds it when it creates its formatter.
 *
 * @param renames {@code logging.structured.json.rename}: member path to the name written
 * @param pid {@code spring.application.pid}, or {@code null} when unknown
 * @param service the {@code service} members ({@code logging.structured.ecs.service.*},
 * with Boot's defaults)
 * @param contextPairs whether the MDC and the key-value pairs are written
 * ({@code logging.structured.json.context.include})
 */
record EcsLineSettings(Map<String, String> renames, @Nullable Long pid, ElasticCommonSchemaProperties.Service service,
		boolean contextPairs) {

	private static final String JSON = "logging.structured.json";

	/**
	 * The members of {@code logging.structured.json} the line honours: {@code stacktrace}
	 * only matters to lines with a throwable, which Boot writes. Anything else there
	 * ({@code include}, {@code exclude}, {@code add}, {@code customizer}, or what a later
	 * Boot adds) is left to Boot.
	 */
	private static final Set<String> SUPPORTED = Set.of("rename", "stacktrace", "context");

	/**
	 * The settings, or {@code null} when the configuration asks for anything the ECS line
	 * writer does not write, or cannot be read.
	 */
	static @Nullable EcsLineSettings read(Environment environment) {
		try {
			Binder binder = Binder.get(environment);
			Map<String, Object> json = binder.bind(JSON, Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
			if (!json.keySet().stream().map(EcsLineSettings::canonical).allMatch(SUPPORTED::contains)) {
				return null;
			}
			Map<String, String> renames = binder.bind(JSON + ".rename", Bindable.mapOf(String.class, String.class))
				.orElse(Map.of());
			String prefix = binder.bind(JSON + ".context.prefix", String.class).orElse("");
			// Boot refuses an empty name when it writes the member.
			if (!renames.values().stream().allMatch(StringUtils::hasLength) || StringUtils.hasLength(prefix)
					|| customizersRegistered()) {
				return null;
			}
			boolean contextPairs = binder.bind(JSON + ".context.include", Boolean.class).orElse(true);
			return new EcsLineSettings(Map.copyOf(renames),
					environment.getProperty("spring.application.pid", Long.class),
					ElasticCommonSchemaProperties.get(environment).service(), contextPairs);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The first element of a property name, as relaxed binding compares it. */
	private static String canonical(String key) {
		return ConfigurationPropertyName.adapt(key, '.').getElement(0, ConfigurationPropertyName.Form.UNIFORM);
	}

	/**
	 * Whether a {@code spring.factories} names a JSON members customizer, which Boot
	 * applies to every formatter (read with Boot's own loader, without creating them).
	 */
	private static boolean customizersRegistered() {
		return !SpringFactoriesLoader
			.loadFactoryNames(StructuredLoggingJsonMembersCustomizer.class,
					SpringFactoriesLoader.class.getClassLoader())
			.isEmpty();
	}

}
