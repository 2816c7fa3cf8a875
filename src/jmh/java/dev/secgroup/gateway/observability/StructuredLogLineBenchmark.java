package dev.secgroup.gateway.observability;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.event.KeyValuePair;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One access log line (ECS, as configured in application.yaml: trace and span ids
 * renamed), as bytes: from the string of Boot's ECS formatter (what
 * {@link StructuredLogLines} wrote before {@link EcsLineWriter}) and from our encoder,
 * which writes it with the {@link EcsLineWriter}. The event's instant is fixed, so the
 * writer's text of its second is always reused, as it is for every line but the first of
 * each second under load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StructuredLogLineBenchmark {

	private StructuredLogFormatter<ILoggingEvent> bootFormatter;

	private StructuredLogLines.Encoder encoder;

	private final LoggingEvent access = accessLine();

	@Setup
	@SuppressWarnings("unchecked")
	public void encoders() throws ReflectiveOperationException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("gateway",
					Map.of("spring.application.name", "secgroup-gateway", "spring.application.pid", "4242",
							"logging.structured.json.rename.traceId", "trace_id",
							"logging.structured.json.rename.spanId", "span_id",
							"logging.structured.json.stacktrace.max-length", "8192")));
		LoggerContext context = new LoggerContext();
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder boot = new StructuredLogEncoder();
		boot.setContext(context);
		boot.setFormat("ecs");
		boot.start();
		Field formatter = StructuredLogEncoder.class.getDeclaredField("formatter");
		formatter.setAccessible(true);
		this.bootFormatter = (StructuredLogFormatter<ILoggingEvent>) formatter.get(boot);
		this.encoder = StructuredLogLines.Encoder.of(boot);
		if (this.encoder == null || !this.encoder.writesWithoutBoot(this.access)) {
			throw new IllegalStateException("the access line is not written by the EcsLineWriter");
		}
	}

	@Benchmark
	public byte[] bootFormatter() {
		return this.bootFormatter.format(this.access).getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public byte[] ecsLineWriter() {
		return this.encoder.encode(this.access);
	}

	/** As {@code AccessLogFilter} logs it, with the request and trace ids in the MDC. */
	private static LoggingEvent accessLine() {
		LoggingEvent event = new LoggingEvent();
		event.setLoggerName(AccessLogFilter.LOGGER);
		event.setLevel(Level.INFO);
		event.setInstant(Instant.parse("2026-11-26T12:00:00.123456Z"));
		event.setThreadName("tomcat-handler-42");
		Map<String, String> mdc = new LinkedHashMap<>();
		mdc.put("request_id", "7e5a7ce7-0bc9-4316-870a-e588cd3780a7");
		mdc.put("traceId", "0af7651916cd43dd8448eb211c80319c");
		mdc.put("spanId", "3d16374295ab8f60");
		event.setMDCPropertyMap(mdc);
		String route = "/v3/{project_id}/ports/{port_id}/insert-security-groups";
		event.addKeyValuePair(new KeyValuePair("method", "PUT"));
		event.addKeyValuePair(new KeyValuePair("route", route));
		event.addKeyValuePair(new KeyValuePair("status", 200));
		event.addKeyValuePair(new KeyValuePair("latency_ms", 3L));
		event.addKeyValuePair(new KeyValuePair("client", "team-a"));
		event.setMessage("{} {} {} {}ms client={}");
		event.setArgumentArray(new Object[] { "PUT", route, 200, 3L, "team-a" });
		return event;
	}

}
