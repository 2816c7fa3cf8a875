package dev.secgroup.gateway.observability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.util.StringUtils;

/**
 * The ECS line of an ordinary event written straight into a {@code StringBuilder}: the
 * same characters as Spring Boot's ECS formatter (Boot 4.1's
 * {@code ElasticCommonSchemaStructuredLogFormatter} through its {@code JsonWriter}),
 * without its per-member paths, lambdas, name sets and nested-pair maps.
 * <p>
 * Boot's layout: {@code @timestamp}, {@code log} ({@code level}, {@code logger}),
 * {@code process} ({@code pid} when known, {@code thread.name}), {@code service}
 * ({@code name}, {@code version}, {@code environment} when set, {@code node.name} when
 * set, {@code node} always), {@code message}, the MDC entries then the key-value pairs as
 * members of the line, and {@code ecs.version}; every name renamed by its path as
 * {@code logging.structured.json.rename} says. The members that never change are written
 * once, here.
 * <p>
 * An event this writer does not write ({@link #write} answers {@code null}) is one for
 * Boot: with a throwable or a marker, a pair whose name nests ({@code a.b}) or is written
 * twice, a pair value other than a string, number, boolean or {@code null}.
 */
final class EcsLineWriter {

	/** {@code ecs.version} as Boot writes it. */
	private static final String ECS_VERSION = "8.11";

	/** Room for the fixed members and an access line's pairs. */
	private static final int LINE_CAPACITY = 512;

	private final InstantText timestamps = new InstantText();

	private final Map<String, String> renames;

	private final boolean contextPairs;

	/** The line's own top-level names, as written: a pair named alike is Boot's error. */
	private final Set<String> topLevelNames;

	private final String beforeTimestamp;

	private final String beforeLevel;

	private final String beforeLogger;

	private final String beforeThreadName;

	private final String beforeMessage;

	private final String afterPairs;

	/** Set when two fixed members of one object have the same name: Boot fails then. */
	private final boolean duplicateNames;

	private EcsLineWriter(EcsLineSettings settings) {
		this.renames = settings.renames();
		this.contextPairs = settings.contextPairs();
		Members line = new Members(this.renames, "");
		Members log = line.child("log");
		Members process = line.child("process");
		Members thread = process.child("thread");
		this.beforeTimestamp = "{" + line.name("@timestamp");
		this.beforeLevel = "," + line.name("log") + "{" + log.name("level");
		this.beforeLogger = "," + log.name("logger");
		StringBuilder processMembers = new StringBuilder("},").append(line.name("process")).append('{');
		if (settings.pid() != null) {
			processMembers.append(process.name("pid")).append(settings.pid()).append(',');
		}
		this.beforeThreadName = processMembers.append(process.name("thread"))
			.append('{')
			.append(thread.name("name"))
			.toString();
		this.beforeMessage = "}}," + line.name("service") + service(line.child("service"), settings.service()) + ","
				+ line.name("message");
		Members ecs = line.child("ecs");
		this.afterPairs = "," + line.name("ecs") + "{" + ecs.name("version") + quoted(ECS_VERSION) + "}}\n";
		this.topLevelNames = Set.copyOf(line.written);
		this.duplicateNames = line.hasDuplicates();
	}

	/**
	 * The writer for these settings, or {@code null} when their renames give two members
	 * of one object the same name (Boot refuses to write such a line).
	 */
	static @Nullable EcsLineWriter of(EcsLineSettings settings) {
		EcsLineWriter writer = new EcsLineWriter(settings);
		return writer.duplicateNames ? null : writer;
	}

	/**
	 * The line Boot's ECS formatter writes for {@code event}, its new line included; or
	 * {@code null} when the event is one to leave to Boot.
	 */
	@Nullable String write(ILoggingEvent event) {
		Instant instant = event.getInstant();
		if (instant == null || event.getThrowableProxy() != null || hasMarkers(event.getMarkerList())) {
			return null;
		}
		String message = event.getFormattedMessage();
		StringBuilder line = new StringBuilder(LINE_CAPACITY + ((message != null) ? message.length() : 0));
		line.append(this.beforeTimestamp);
		this.timestamps.appendQuoted(line, instant);
		line.append(this.beforeLevel);
		Level level = event.getLevel();
		JsonStrings.appendString(line, (level != null) ? level.toString() : null);
		line.append(this.beforeLogger);
		JsonStrings.appendString(line, event.getLoggerName());
		line.append(this.beforeThreadName);
		JsonStrings.appendString(line, event.getThreadName());
		line.append(this.beforeMessage);
		JsonStrings.appendString(line, message);
		if (this.contextPairs && !appendPairs(line, event)) {
			return null;
		}
		return line.append(this.afterPairs).toString();
	}

	private static boolean hasMarkers(@Nullable List<Marker> markers) {
		return markers != null && !markers.isEmpty();
	}

	/** The MDC's entries, then the key-value pairs; {@code false} for Boot's events. */
	private boolean appendPairs(StringBuilder line, ILoggingEvent event) {
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc == null) {
			return false;
		}
		List<KeyValuePair> keyValuePairs = event.getKeyValuePairs();
		int size = mdc.size() + ((keyValuePairs != null) ? keyValuePairs.size() : 0);
		if (size == 0) {
			return true;
		}
		String[] names = new String[size];
		int written = 0;
		for (Map.Entry<String, String> entry : mdc.entrySet()) {
			written = appendPair(line, names, written, entry.getKey(), entry.getValue());
			if (written < 0) {
				return false;
			}
		}
		if (keyValuePairs != null) {
			for (KeyValuePair pair : keyValuePairs) {
				written = appendPair(line, names, written, pair.key, pair.value);
				if (written < 0) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * One pair, unless its name is {@code null} or empty (Boot skips it). Answers how
	 * many names are now written, or {@code -1} for a pair Boot writes otherwise.
	 */
	private int appendPair(StringBuilder line, String[] names, int written, @Nullable String key,
			@Nullable Object value) {
		if (key == null || key.isEmpty()) {
			return written;
		}
		if (key.indexOf('.') >= 0) {
			// Boot nests it ("a.b" becomes "a":{"b":...}).
			return -1;
		}
		String name = this.renames.isEmpty() ? key : this.renames.getOrDefault(key, key);
		if (this.topLevelNames.contains(name)) {
			return -1;
		}
		for (int i = 0; i < written; i++) {
			if (names[i].equals(name)) {
				return -1;
			}
		}
		line.append(',');
		JsonStrings.appendString(line, name);
		line.append(':');
		if (!JsonStrings.appendScalar(line, value)) {
			return -1;
		}
		names[written] = name;
		return written + 1;
	}

	/** {@code service}: its object, with the members Boot writes when they have text. */
	private static String service(Members service, ElasticCommonSchemaProperties.Service settings) {
		StringBuilder members = new StringBuilder("{");
		appendWhenHasLength(members, service, "name", settings.name());
		appendWhenHasLength(members, service, "version", settings.version());
		appendWhenHasLength(members, service, "environment", settings.environment());
		members.append(service.name("node")).append('{');
		Members node = service.child("node");
		if (StringUtils.hasLength(settings.nodeName())) {
			members.append(node.name("name")).append(quoted(settings.nodeName()));
		}
		return members.append("}}").toString();
	}

	private static void appendWhenHasLength(StringBuilder members, Members service, String name,
			@Nullable String value) {
		if (StringUtils.hasLength(value)) {
			members.append(service.name(name)).append(quoted(value)).append(',');
		}
	}

	private static String quoted(@Nullable String value) {
		StringBuilder quoted = new StringBuilder();
		JsonStrings.appendString(quoted, value);
		return quoted.toString();
	}

	/**
	 * The names of one JSON object's fixed members as Boot writes them: renamed by their
	 * path, quoted, with their colon; and whether two came out alike in this object or in
	 * one nested in it.
	 */
	private static final class Members {

		private final Map<String, String> renames;

		private final String path;

		private final Set<String> written = new HashSet<>();

		private final List<Members> children = new ArrayList<>();

		private boolean duplicate;

		Members(Map<String, String> renames, String path) {
			this.renames = renames;
			this.path = path;
		}

		Members child(String name) {
			Members child = new Members(this.renames, this.path.isEmpty() ? name : this.path + "." + name);
			this.children.add(child);
			return child;
		}

		boolean hasDuplicates() {
			return this.duplicate || this.children.stream().anyMatch(Members::hasDuplicates);
		}

		String name(String name) {
			String renamed = this.renames.getOrDefault(this.path.isEmpty() ? name : this.path + "." + name, name);
			this.duplicate |= !this.written.add(renamed);
			return quoted(renamed) + ":";
		}

	}

}
