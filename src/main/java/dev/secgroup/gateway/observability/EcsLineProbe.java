package dev.secgroup.gateway.observability;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * A check, once at start-up, that an {@link EcsLineWriter} writes what Boot's formatter
 * writes for a few events of every kind it writes. A Boot version whose ECS lines differ
 * (a member added, moved or written otherwise) fails it, and its formatter keeps writing
 * every line.
 */
final class EcsLineProbe {

	private EcsLineProbe() {
	}

	/**
	 * Whether {@code writer} writes what {@code boot} writes for every probe it does not
	 * leave to Boot, and leaves to Boot every probe Boot refuses (a renamed pair named
	 * like a member).
	 */
	static boolean agrees(EcsLineWriter writer, StructuredLogFormatter<ILoggingEvent> boot) {
		try {
			for (ILoggingEvent event : events()) {
				String line = writer.write(event);
				String expected = bootLine(boot, event);
				if (line != null && !line.equals(expected)) {
					return false;
				}
			}
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static @Nullable String bootLine(StructuredLogFormatter<ILoggingEvent> boot, ILoggingEvent event) {
		try {
			return boot.format(event);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static ILoggingEvent[] events() {
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("request_id", "7e5a7ce7-0bc9-4316-870a-e588cd3780a7");
		mdc.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		mdc.put("spanId", "3d16374295ab8f60");
		LoggingEvent access = event(Level.INFO, Instant.ofEpochSecond(1_790_000_000L, 123_456_789),
				"PUT /v3/{project_id}/ports 200 3ms client=team-a", mdc);
		access.addKeyValuePair(new KeyValuePair("method", "PUT"));
		access.addKeyValuePair(new KeyValuePair("status", 200));
		access.addKeyValuePair(new KeyValuePair("latency_ms", 3L));
		access.addKeyValuePair(new KeyValuePair("retried", false));
		access.addKeyValuePair(new KeyValuePair("client", null));
		return new ILoggingEvent[] { access,
				event(Level.WARN, Instant.ofEpochSecond(1_790_000_001L),
						"\" \\ \b \f \n \r \t \u0000 \u001f \u007f \u009f \u00e9 \u2028 \ud83d\ude00", Map.of()),
				event(Level.ERROR, Instant.ofEpochSecond(0, 5_000_000), "", Map.of("k", "v")),
				event(Level.DEBUG, Instant.ofEpochSecond(-1, 999_999_000), null, Map.of()) };
	}

	private static LoggingEvent event(Level level, Instant instant, @Nullable String message, Map<String, String> mdc) {
		LoggingEvent event = new LoggingEvent();
		event.setLevel(level);
		event.setInstant(instant);
		event.setLoggerName("dev.secgroup.gateway.probe");
		event.setThreadName("probe \"thread\" \u00e9");
		event.setMessage(message);
		event.setMDCPropertyMap(mdc);
		return event;
	}

}
