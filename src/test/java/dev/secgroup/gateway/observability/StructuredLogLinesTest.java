package dev.secgroup.gateway.observability;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log lines are byte for byte the lines Spring Boot's own encoder writes
 * ({@link StructuredLogLines}): the common ECS line (no throwable, no marker) written by
 * {@link EcsLineWriter}, every other line from the string Boot's formatter makes. Each
 * line is compared with the bytes of a {@link StructuredLogEncoder} of the same
 * configuration: the gateway's own, and others bound from a {@link MockEnvironment}.
 */
class StructuredLogLinesTest extends GatewayTestSupport {

	private static final String ACCESS_MESSAGE = "{} {} {} {}ms client={}";

	/** Characters that Boot's JSON strings escape, or might be expected to. */
	private static final String AWKWARD = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u009f\u00a0\u00e9\u20ac"
			+ "\u2028\u2029\ufeff\uffff\ud83d\ude00\ud800\udfff";

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void theConsoleWritesThroughTheStringOfBootsFormatter() {
		assertThat(console()).isInstanceOf(StructuredLogLines.Encoder.class);
	}

	@Test
	void everyLineIsTheOneBootWouldWrite() {
		StructuredLogEncoder boot = boot(this.context, "ecs");
		StructuredLogLines.Encoder encoder = StructuredLogLines.Encoder.of(boot);
		assertThat(encoder).isNotNull();
		Logger logger = this.context.getLogger(AccessLogFilter.LOGGER);

		LoggingEvent access = event(logger, Level.INFO, "PUT /v3/{project_id}/ports/{port_id} 200 3ms client=team-a",
				null);
		access.setMDCPropertyMap(Map.of("request_id", "7e5a7ce7-0bc9-4316-870a-e588cd3780a7", "traceId",
				"0af7651916cd43dd8448eb211c80319c", "spanId", "3d16374295ab8f60"));
		access.addKeyValuePair(new KeyValuePair("method", "PUT"));
		access.addKeyValuePair(new KeyValuePair("status", 200));
		access.addKeyValuePair(new KeyValuePair("latency_ms", 3L));
		LoggingEvent escaped = event(logger, Level.WARN, "quote \" backslash \\ line\nbreak tab\t é € \u2028 end",
				null);
		LoggingEvent failure = event(logger, Level.ERROR, "a failure", new IllegalStateException("boom"));

		for (LoggingEvent event : new LoggingEvent[] { access, escaped, failure }) {
			assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
				.isEqualTo(new String(boot.encode(event), StandardCharsets.UTF_8))
				.endsWith("\n");
			assertThat(encoder.encode(event)).isEqualTo(boot.encode(event));
		}
		assertThat(new String(encoder.encode(access), StandardCharsets.UTF_8)).contains("\"trace_id\"", "\"method\"");
	}

	@Test
	void theAccessLineIsWrittenWithoutBootsFormatterAndAsBootWritesIt() {
		StructuredLogEncoder boot = boot(this.context, "ecs");
		LoggingEvent access = access("PUT", "/v3/{project_id}/ports/{port_id}/insert-security-groups", 200, 3L,
				"team-a");

		assertThat(console().writesWithoutBoot(access)).isTrue();
		assertSameBytes(console(), boot, access);
		assertThat(new String(console().encode(access), StandardCharsets.UTF_8)).startsWith("{\"@timestamp\":\"")
			.contains("\"message\":\"PUT /v3/{project_id}/ports/{port_id}/insert-security-groups 200 3ms "
					+ "client=team-a\",\"request_id\":")
			.contains("\"trace_id\":\"0af7651916cd43dd8448eb211c80319c\",")
			.contains("\"span_id\":\"3d16374295ab8f60\"")
			.contains(",\"method\":\"PUT\",\"route\":\"/v3/{project_id}/ports/{port_id}/insert-security-groups\","
					+ "\"status\":200,\"latency_ms\":3,\"client\":\"team-a\",")
			.endsWith(",\"ecs\":{\"version\":\"8.11\"}}\n");
	}

	@Test
	void ordinaryEventsOfEveryShapeAreWrittenWithoutBootsFormatterAndAsBootWritesThem() {
		StructuredLogEncoder boot = boot(this.context, "ecs");
		List<LoggingEvent> events = new ArrayList<>();
		events.add(access("GET", "NOT_FOUND", 404, 0L, "-"));
		events.add(event(Level.INFO, "no MDC at all", Map.of()));
		events.add(event(Level.INFO, "a request id but no trace", Map.of("request_id", "r-1")));
		events.add(event(Level.INFO, "trace ids only", Map.of("traceId", "t", "spanId", "s")));
		events.add(event(Level.INFO, "values of every scalar type", Map.of("request_id", "r-2"),
				new KeyValuePair("string", "text"), new KeyValuePair("integer", Integer.MIN_VALUE),
				new KeyValuePair("long", Long.MAX_VALUE), new KeyValuePair("true", true),
				new KeyValuePair("false", false), new KeyValuePair("null", null), new KeyValuePair("short", (short) 7),
				new KeyValuePair("byte", (byte) -1), new KeyValuePair("double", 0.1 + 0.2),
				new KeyValuePair("nan", Double.NaN), new KeyValuePair("float", 1.5f)));
		events.add(event(Level.INFO, "values and names to escape", Map.of("trace\"Id", AWKWARD),
				new KeyValuePair(AWKWARD, AWKWARD), new KeyValuePair("nothing", null)));
		events.add(event(Level.INFO, "pairs without a name are skipped", Map.of("", "empty"),
				new KeyValuePair(null, "no name"), new KeyValuePair("", "empty")));
		events.add(event(Level.INFO, "say \"hi\" \\ C:\\temp\\new", Map.of()));
		events.add(event(Level.INFO, "control \u0000 \u0001 \u0007 \u001b \u001f \u007f \u0085 \u009f end", Map.of()));
		events.add(event(Level.INFO, "lines\r\nand\rbreaks\n\ttabs\b\f", Map.of()));
		events.add(event(Level.INFO, "non-ASCII é ü ß ж 中文 € \u00a0 \ufeff", Map.of()));
		events.add(event(Level.INFO, "emoji \ud83d\ude00\ud83d\udc4d\ud83c\udff3\ufe0f\u200d\ud83c\udf08", Map.of()));
		events.add(event(Level.INFO, "separators \u2028 and \u2029", Map.of()));
		events.add(event(Level.INFO, "", Map.of()));
		events.add(event(Level.INFO, null, Map.of()));
		events.add(event(Level.INFO, "long ".repeat(10_000) + AWKWARD, Map.of("request_id", "r-3")));
		for (Level level : new Level[] { Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR }) {
			events.add(event(level, "at " + level, Map.of("request_id", "r-4")));
		}
		events.add(event("worker \"1\" \\ \t\n é \ud83d\ude00 \u2028", Level.INFO, "odd thread name", Map.of()));
		events.add(event("", Level.INFO, "virtual threads have no name", Map.of()));
		LoggingEvent arguments = event(Level.INFO, "{} said {}", Map.of());
		arguments.setArgumentArray(new Object[] { "\"me\"", "\n" });
		events.add(arguments);
		LoggingEvent noMarkers = event(Level.INFO, "an empty marker list is no marker", Map.of());
		noMarkers.addMarker(null);
		events.add(noMarkers);
		for (long nanos : new long[] { 0, 1, 10, 1_000, 120_000, 1_000_000, 100_000_000, 999_999_999 }) {
			LoggingEvent at = event(Level.INFO, "at a fraction of a second", Map.of());
			at.setInstant(Instant.ofEpochSecond(1_790_000_000L, nanos));
			events.add(at);
		}

		assertWrittenAsBoot(console(), boot, true, events);
	}

	@Test
	void eventsWithAThrowableOrAMarkerAreLeftToBootsFormatter() {
		StructuredLogEncoder boot = boot(this.context, "ecs");
		LoggingEvent failure = access("PUT", "/v3/{project_id}/ports", 500, 12L, "-");
		failure.setThrowableProxy(new ThrowableProxy(new IllegalStateException("boom \"quoted\"\nline")));
		LoggingEvent marked = event(Level.INFO, "marked", Map.of("request_id", "r"));
		marked.addMarker(MarkerFactory.getMarker("AUDIT"));

		assertWrittenAsBoot(console(), boot, false, List.of(failure, marked));
		assertThat(new String(console().encode(failure), StandardCharsets.UTF_8)).contains("\"error\":{");
		assertThat(new String(console().encode(marked), StandardCharsets.UTF_8)).contains("\"tags\":[\"AUDIT\"]");
	}

	@Test
	void pairsThatBootWritesOtherwiseAreLeftToBootsFormatter() {
		StructuredLogEncoder boot = boot(this.context, "ecs");
		List<LoggingEvent> events = List.of(
				// Nested: "http":{"method":...}.
				event(Level.INFO, "a dotted name", Map.of("http.method", "GET")),
				event(Level.INFO, "a trailing dot", Map.of(), new KeyValuePair("method.", "GET")),
				// Boot fails on a name written twice: both encoders throw the same.
				event(Level.INFO, "MDC and pair alike", Map.of("request_id", "r"), new KeyValuePair("request_id", "r")),
				event(Level.INFO, "a pair renamed onto another", Map.of("traceId", "t"),
						new KeyValuePair("trace_id", "t")),
				event(Level.INFO, "a pair named as a member", Map.of(), new KeyValuePair("message", "m")),
				event(Level.INFO, "a pair named as the last member", Map.of(), new KeyValuePair("ecs", "e")),
				event(Level.INFO, "a list", Map.of(), new KeyValuePair("list", List.of(1, "two"))),
				event(Level.INFO, "a map", Map.of(), new KeyValuePair("map", Map.of("a", 1))),
				event(Level.INFO, "an array", Map.of(), new KeyValuePair("array", new int[] { 1, 2 })),
				event(Level.INFO, "a big decimal", Map.of(), new KeyValuePair("amount", new BigDecimal("1.50"))),
				event(Level.INFO, "an object", Map.of(), new KeyValuePair("instant", Instant.EPOCH)));

		assertWrittenAsBoot(console(), boot, false, events);
	}

	/**
	 * Random messages, names, values, thread names, levels and instants (a fixed seed, so
	 * that a failure repeats): every line Boot's, byte for byte, most of them written
	 * without Boot's formatter.
	 */
	@Test
	void randomEventsAreWrittenAsBootWritesThem() {
		StructuredLogEncoder boot = boot(this.context, "ecs");
		Random random = new Random(20261126L);
		String[] names = { "request_id", "traceId", "spanId", "method", "status", "client", "a.b", "message", "" };
		Level[] levels = { Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR };
		int withoutBoot = 0;
		int events = 3000;
		for (int i = 0; i < events; i++) {
			Map<String, String> mdc = new LinkedHashMap<>();
			for (int pairs = random.nextInt(4); pairs > 0; pairs--) {
				mdc.put(randomName(random, names), randomString(random, 12));
			}
			LoggingEvent event = event(randomString(random, 20), levels[random.nextInt(levels.length)],
					randomString(random, 200), mdc);
			for (int pairs = random.nextInt(6); pairs > 0; pairs--) {
				event.addKeyValuePair(new KeyValuePair(randomName(random, names), randomValue(random)));
			}
			event.setInstant(randomInstant(random));

			assertSameBytes(console(), boot, event);
			withoutBoot += console().writesWithoutBoot(event) ? 1 : 0;
		}
		assertThat(withoutBoot).as("lines written without Boot's formatter").isGreaterThan(events / 2);
	}

	/**
	 * Configurations the writer writes: every member renamed by its path, the service
	 * members, the process id, no context pairs at all.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "",
			"logging.structured.json.rename.traceId=trace_id|logging.structured.json.rename.spanId=span_id"
					+ "|logging.structured.json.stacktrace.max-length=8192",
			"logging.structured.json.rename[@timestamp]=time|logging.structured.json.rename.log=lg"
					+ "|logging.structured.json.rename[log.level]=severity|logging.structured.json.rename[log.logger]=name"
					+ "|logging.structured.json.rename.process=proc|logging.structured.json.rename[process.pid]=id"
					+ "|logging.structured.json.rename[process.thread]=t|logging.structured.json.rename[process.thread.name]=n"
					+ "|logging.structured.json.rename.service=svc|logging.structured.json.rename[service.name]=app"
					+ "|logging.structured.json.rename[service.node]=host|logging.structured.json.rename[service.node.name]=h"
					+ "|logging.structured.json.rename.message=msg|logging.structured.json.rename.ecs=schema"
					+ "|logging.structured.json.rename[ecs.version]=v|logging.structured.json.rename.request_id=rid"
					+ "|logging.structured.json.rename.status=\"quoted\"|spring.application.pid=4242"
					+ "|spring.application.name=gateway",
			"spring.application.name=secgroup \"gateway\"|spring.application.version=1.2.3|spring.application.pid=7"
					+ "|logging.structured.ecs.service.environment=prod|logging.structured.ecs.service.node-name=node-1",
			"logging.structured.ecs.service.name=ecs-name|logging.structured.ecs.service.version=|spring.application.name=app",
			"logging.structured.json.context.include=false",
			"logging.structured.json.context.include=true|logging.structured.json.context.prefix=",
			// Boot fails on these events' names, but not on the line itself.
			"logging.structured.json.rename.traceId=message" })
	void configurationsTheWriterWritesAreWrittenAsBootWritesThem(String properties) {
		StructuredLogEncoder boot = boot(contextWith(properties), "ecs");
		StructuredLogLines.Encoder encoder = StructuredLogLines.Encoder.of(boot);
		assertThat(encoder).isNotNull();

		LoggingEvent noTrace = event(Level.WARN, "no trace " + AWKWARD, Map.of("request_id", "r"),
				new KeyValuePair("status", 503));
		assertThat(encoder.writesWithoutBoot(noTrace)).isTrue();
		for (LoggingEvent event : eventsOfEveryKind()) {
			assertSameBytes(encoder, boot, event);
		}
	}

	/** Configurations the writer does not write: every line is Boot's formatter's. */
	@ParameterizedTest
	@ValueSource(strings = { "logging.structured.json.include=message",
			"logging.structured.json.exclude=process.pid|spring.application.pid=1",
			"logging.structured.json.add.team=gateway",
			"logging.structured.json.customizer=dev.secgroup.gateway.observability.StructuredLogLinesTest$AddsTeam",
			"logging.structured.json.context.prefix=ctx", "logging.structured.json.some-later-property=true",
			// Boot fails on every line: both encoders throw the same.
			"logging.structured.json.rename[log.level]=logger", "logging.structured.json.rename.message=@timestamp",
			"logging.structured.json.rename[service.node]=name|spring.application.name=app" })
	void configurationsTheWriterDoesNotWriteAreLeftToBootsFormatter(String properties) {
		assertLeftToBoot(boot(contextWith(properties), "ecs"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "logstash", "gelf" })
	void otherFormatsAreLeftToBootsFormatter(String format) {
		assertLeftToBoot(boot(contextWith("spring.application.name=gateway"), format));
	}

	private static void assertLeftToBoot(StructuredLogEncoder boot) {
		StructuredLogLines.Encoder encoder = StructuredLogLines.Encoder.of(boot);
		assertThat(encoder).isNotNull();
		assertWrittenAsBoot(encoder, boot, false, eventsOfEveryKind());
	}

	private StructuredLogLines.Encoder console() {
		Appender<ILoggingEvent> console = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.iteratorForAppenders()
			.next();
		assertThat(console).isInstanceOf(OutputStreamAppender.class);
		return (StructuredLogLines.Encoder) ((OutputStreamAppender<ILoggingEvent>) console).getEncoder();
	}

	private static StructuredLogEncoder boot(LoggerContext context, String format) {
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setContext(context);
		boot.setFormat(format);
		boot.setCharset(StandardCharsets.UTF_8);
		boot.start();
		return boot;
	}

	/** A logger context whose Spring environment has these {@code name=value|...}. */
	private static LoggerContext contextWith(String properties) {
		MockEnvironment environment = new MockEnvironment();
		for (String property : properties.split("\\|")) {
			int equals = property.indexOf('=');
			if (equals > 0) {
				environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
			}
		}
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), environment);
		return context;
	}

	/**
	 * Each event is written (or not) without Boot's formatter, and both encoders write
	 * the same bytes for it.
	 */
	private static void assertWrittenAsBoot(StructuredLogLines.Encoder encoder, StructuredLogEncoder boot,
			boolean withoutBoot, List<LoggingEvent> events) {
		for (LoggingEvent event : events) {
			assertThat(encoder.writesWithoutBoot(event)).as(event.getFormattedMessage()).isEqualTo(withoutBoot);
			assertSameBytes(encoder, boot, event);
		}
	}

	/** Both encoders write the same bytes, or fail alike. */
	private static void assertSameBytes(StructuredLogLines.Encoder encoder, StructuredLogEncoder boot,
			ILoggingEvent event) {
		String expected = outcome(() -> boot.encode(event));
		assertThat(outcome(() -> encoder.encode(event))).isEqualTo(expected);
		if (!expected.startsWith("failed")) {
			assertThat(encoder.encode(event)).isEqualTo(boot.encode(event));
		}
	}

	/**
	 * The bytes, one char each (readable where ASCII), or the failure (without the
	 * identity hashes of the objects its message names).
	 */
	private static String outcome(Supplier<byte[]> encode) {
		try {
			return new String(encode.get(), StandardCharsets.ISO_8859_1);
		}
		catch (RuntimeException ex) {
			return "failed: " + ex.toString().replaceAll("@[0-9a-f]+", "@");
		}
	}

	private static List<LoggingEvent> eventsOfEveryKind() {
		LoggingEvent failure = event(Level.ERROR, "failed", Map.of("request_id", "r"));
		failure.setThrowableProxy(new ThrowableProxy(new IllegalStateException("boom")));
		LoggingEvent marked = event(Level.INFO, "marked", Map.of());
		marked.addMarker(MarkerFactory.getMarker("AUDIT"));
		return List.of(access("PUT", "/v3/{project_id}/ports", 200, 3L, "team-a"),
				event(Level.INFO, "plain " + AWKWARD, Map.of()),
				event(Level.DEBUG, "trace ids", Map.of("traceId", "t", "spanId", "s"), new KeyValuePair("n", null)),
				failure, marked);
	}

	/** The access line as {@link AccessLogFilter} logs it, with a request and a trace. */
	private static LoggingEvent access(String method, String route, int status, long latencyMs, String client) {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("request_id", "7e5a7ce7-0bc9-4316-870a-e588cd3780a7");
		mdc.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		mdc.put("spanId", "3d16374295ab8f60");
		LoggingEvent event = event(Level.INFO, ACCESS_MESSAGE, mdc, new KeyValuePair("method", method),
				new KeyValuePair("route", route), new KeyValuePair("status", status),
				new KeyValuePair("latency_ms", latencyMs), new KeyValuePair("client", client));
		event.setArgumentArray(new Object[] { method, route, status, latencyMs, client });
		return event;
	}

	private static LoggingEvent event(Level level, String message, Map<String, String> mdc, KeyValuePair... pairs) {
		return event("tomcat-handler-42", level, message, mdc, pairs);
	}

	private static LoggingEvent event(String thread, Level level, String message, Map<String, String> mdc,
			KeyValuePair... pairs) {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerName(AccessLogFilter.LOGGER);
		event.setLevel(level);
		event.setMessage(message);
		event.setInstant(Instant.now());
		event.setThreadName(thread);
		event.setMDCPropertyMap(mdc);
		for (KeyValuePair pair : pairs) {
			event.addKeyValuePair(pair);
		}
		return event;
	}

	private static LoggingEvent event(Logger logger, Level level, String message, Throwable error) {
		return new LoggingEvent(StructuredLogLinesTest.class.getName(), logger, level, message, error, null);
	}

	private static String randomName(Random random, String[] names) {
		// Mostly names of their own; a known one (a member's, a nested one, one used
		// twice)
		// now and then.
		return (random.nextInt(5) != 0) ? randomString(random, 8) : names[random.nextInt(names.length)];
	}

	private static Object randomValue(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> random.nextInt();
			case 1 -> random.nextLong();
			case 2 -> random.nextBoolean();
			case 3 -> random.nextDouble();
			case 4 -> (random.nextInt(20) == 0) ? List.of("a") : null;
			default -> randomString(random, 30);
		};
	}

	/** Up to {@code maximum} chars, weighted to what JSON escapes and UTF-8 splits. */
	private static String randomString(Random random, int maximum) {
		StringBuilder string = new StringBuilder();
		for (int length = random.nextInt(maximum + 1); length > 0; length--) {
			switch (random.nextInt(8)) {
				case 0 -> string.append(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
				case 1 -> string.append((char) random.nextInt(0xA0));
				case 2 -> string.append((char) random.nextInt(0x10000));
				case 3 -> string.appendCodePoint(0x10000 + random.nextInt(0x100000));
				default -> string.append((char) (0x20 + random.nextInt(0x5F)));
			}
		}
		return string.toString();
	}

	private static Instant randomInstant(Random random) {
		long second = random.nextLong(-100_000_000_000L, 300_000_000_000L);
		return switch (random.nextInt(4)) {
			case 0 -> Instant.ofEpochSecond(second);
			case 1 -> Instant.ofEpochSecond(second, random.nextInt(1_000) * 1_000_000L);
			case 2 -> Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1_000L);
			default -> Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
		};
	}

	/** A customizer named in the configuration: it adds a member. */
	static class AddsTeam implements StructuredLoggingJsonMembersCustomizer<Object> {

		@Override
		public void customize(JsonWriter.Members<Object> members) {
			members.add("team", "gateway");
		}

	}

}
