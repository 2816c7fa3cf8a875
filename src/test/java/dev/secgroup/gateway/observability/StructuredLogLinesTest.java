package dev.secgroup.gateway.observability;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log lines are written from the string Spring Boot's formatter makes
 * ({@link StructuredLogLines}), and are byte for byte the lines Boot's own encoder
 * writes: with the request and trace ids, the access log's members, escapes and a stack
 * trace.
 */
class StructuredLogLinesTest extends GatewayTestSupport {

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void theConsoleWritesThroughTheStringOfBootsFormatter() {
		Appender<ILoggingEvent> console = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
			.iteratorForAppenders()
			.next();

		assertThat(console).isInstanceOf(OutputStreamAppender.class);
		assertThat(((OutputStreamAppender<ILoggingEvent>) console).getEncoder())
			.isInstanceOf(StructuredLogLines.Encoder.class);
	}

	@Test
	void everyLineIsTheOneBootWouldWrite() {
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setContext(context);
		boot.setFormat("ecs");
		boot.setCharset(StandardCharsets.UTF_8);
		boot.start();
		StructuredLogLines.Encoder encoder = StructuredLogLines.Encoder.of(boot);
		assertThat(encoder).isNotNull();
		Logger logger = context.getLogger(AccessLogFilter.LOGGER);

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

	private static LoggingEvent event(Logger logger, Level level, String message, Throwable error) {
		return new LoggingEvent(StructuredLogLinesTest.class.getName(), logger, level, message, error, null);
	}

}
