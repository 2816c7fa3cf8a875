package dev.secgroup.gateway.audit;

import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit event per call: serialised to a JSON line and handed to the group-commit
 * writer, which writes it to {@code /dev/null}, so the syscall is measured but no terminal
 * is; the call returns once its line is written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuditSinkBenchmark {

	/**
	 * The example line of docs/audit.md, read back into an event: members added to the
	 * schema later are left at their defaults instead of breaking this benchmark's
	 * compilation (it is not compiled by {@code ./mvnw verify}).
	 */
	private static final String EXAMPLE = """
			{"type":"audit","schema":3,"time":"2026-11-26T12:00:00.123Z",\
			"request_id":"7f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b","client_request_id":null,\
			"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","client":"ops-team","source_address":"10.0.0.7","operation":"vpc:AddSecurityGroups",\
			"project_id":"f5dab68cd75740e68c599e9af5fe0aed","target":{"port_id":"99fd0c77-56b4-4bf6-8365-df352e45d5fc"},\
			"security_group_ids":["8edd3747-ccd4-49a1-82b9-a165eec314b4","6c2d4540-3b7d-4207-a319-a7231b439995"],\
			"dry_run":false,"status":200,"upstream_status":200,"upstream_request_id":"c5c1b1a5f1c24c1e8a8e6f2f6b0a1d2e",\
			"error_code":null,"attempts":1,"latency_ms":3,"replayed":false,"original_request_id":null,\
			"quota_wait_ms":null,"quota_outcome":null}""";

	private final AuditEvent event = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build()
		.readValue(EXAMPLE, AuditEvent.class);

	private FileOutputStream devNull;

	private StdoutJsonAuditSink sink;

	@Setup(Level.Trial)
	public void toDevNull() throws IOException {
		// The group-commit writer thread writes to the file descriptor, as it does to fd 1.
		this.devNull = new FileOutputStream("/dev/null");
		this.sink = new StdoutJsonAuditSink(this.devNull, Duration.ofSeconds(5), 1024);
	}

	@TearDown(Level.Trial)
	public void close() throws Exception {
		this.sink.close();
		this.devNull.close();
	}

	@Benchmark
	public void writeOneEvent() {
		this.sink.write(this.event);
	}

}
