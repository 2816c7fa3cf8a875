package dev.secgroup.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StdoutJsonAuditSinkTest {

	private final List<StdoutJsonAuditSink> sinks = new ArrayList<>();

	private final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void stop() throws InterruptedException {
		callers.shutdownNow();
		for (StdoutJsonAuditSink sink : sinks) {
			sink.close();
		}
	}

	@Test
	void writesOneAsciiJsonLinePerEventWithNullsKept() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Map<String, String> target = new LinkedHashMap<>();
		target.put("port_id", "p\r\n{\"type\":\"audit\"}\u2028\u00e9");

		sink(out, Duration.ofSeconds(5)).write(event("req-1", target));

		String line = out.toString(StandardCharsets.UTF_8);
		assertThat(line).endsWith("\n").hasLineCount(1);
		assertThat(line.chars()).allMatch(c -> c < 128);
		JsonNode json = JsonMapper.builder().build().readTree(line);
		assertThat(json.get("type").asString()).isEqualTo("audit");
		assertThat(json.get("time").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
		assertThat(json.get("trace_id").isNull()).isTrue();
		assertThat(json.get("target").get("port_id").asString()).isEqualTo(target.get("port_id"));
	}

	@Test
	void failsWhenStandardOutputRefusesTheLine() {
		StdoutJsonAuditSink sink = sink(new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				throw new IOException("broken pipe");
			}
		}, Duration.ofSeconds(5));

		assertThatThrownBy(() -> sink.write(event("req-1", Map.of()))).isInstanceOf(AuditSinkException.class);
		assertThat(sink.failure()).contains("broken pipe");
	}

	/** Review B6: one I/O error is not a permanent failure. */
	@Test
	void oneFailedWriteIsNotPermanentTheNextSuccessfulOneClearsIt() {
		AtomicBoolean once = new AtomicBoolean(true);
		ByteArrayOutputStream written = new ByteArrayOutputStream();
		StdoutJsonAuditSink sink = sink(new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				write(new byte[] { (byte) b }, 0, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				if (once.getAndSet(false)) {
					throw new IOException("EPIPE");
				}
				written.write(bytes, offset, length);
			}
		}, Duration.ofSeconds(5));

		assertThatThrownBy(() -> sink.write(event("req-1", Map.of()))).isInstanceOf(AuditSinkException.class);
		assertThat(sink.failure()).isNotNull();
		assertThatCode(() -> sink.write(event("req-2", Map.of()))).doesNotThrowAnyException();
		assertThat(sink.failure()).isNull();
		assertThat(written.toString(StandardCharsets.US_ASCII)).contains("\"request_id\":\"req-2\"")
			.doesNotContain("req-1");
	}

	/**
	 * Review B7: standard output that stops taking writes bounds every call by the write
	 * timeout and makes readiness DOWN; once it drains, both recover.
	 */
	@Test
	void blockedStandardOutputBoundsEveryCallAndTakesReadinessDownUntilItDrains() throws Exception {
		BlockingStream out = new BlockingStream();
		StdoutJsonAuditSink sink = sink(out, Duration.ofMillis(300));
		AuditSinkHealthIndicator readiness = new AuditSinkHealthIndicator(sink);

		long start = System.nanoTime();
		assertThatThrownBy(() -> sink.write(event("req-1", Map.of()))).isInstanceOf(AuditSinkException.class)
			.hasMessageContaining("within 300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(5)).until(() -> sink.failure() != null);
		assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);

		out.release();

		await().atMost(Duration.ofSeconds(5)).until(() -> sink.failure() == null);
		assertThatCode(() -> sink.write(event("req-2", Map.of()))).doesNotThrowAnyException();
		assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
	}

	/**
	 * Group commit: events queued while a write is in progress go out together, in whole
	 * lines and pieces a pipe writes without interleaving.
	 */
	@Test
	void eventsQueuedDuringAWriteGoOutTogetherInWholeLinesOfAtMostOnePipeBuffer() throws Exception {
		BlockingStream out = new BlockingStream();
		StdoutJsonAuditSink sink = sink(out, Duration.ofSeconds(10));
		Future<?> first = callers.submit(() -> sink.write(event("first", Map.of())));
		await().atMost(Duration.ofSeconds(5)).until(out::blocked);
		List<Future<?>> queued = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String id = "queued-" + i;
			queued.add(callers.submit(() -> sink.write(event(id, Map.of()))));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> sink.queued() == 40);

		out.release();
		first.get(5, TimeUnit.SECONDS);
		for (Future<?> call : queued) {
			call.get(5, TimeUnit.SECONDS);
		}

		assertThat(out.lines()).hasSize(41);
		// The first line alone, then the 40 queued ones in a few pieces.
		assertThat(out.writes()).hasSizeLessThan(10)
			.allSatisfy(piece -> assertThat(piece).endsWith("\n")
				.hasSizeLessThanOrEqualTo(StdoutJsonAuditSink.ATOMIC_WRITE));
	}

	@Test
	void systemOutIsLookedUpOnEveryWrite() throws IOException {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			new SystemOutStream().write("line\n".getBytes(StandardCharsets.US_ASCII));
		}
		finally {
			System.setOut(original);
		}

		assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("line\n");
	}

	@Test
	void longCallerValuesAreBoundedSoTheLineStaysCollectable() {
		String bounded = AuditEvents.bounded("x".repeat(10_000));

		assertThat(bounded).hasSize(AuditEvents.MAX_TEXT + "...[truncated]".length()).endsWith("...[truncated]");
		assertThat(AuditEvents.bounded("short")).isEqualTo("short");
	}

	private StdoutJsonAuditSink sink(OutputStream out, Duration timeout) {
		StdoutJsonAuditSink sink = new StdoutJsonAuditSink(out, timeout, 1024);
		sinks.add(sink);
		return sink;
	}

	private static AuditEvent event(String requestId, Map<String, String> target) {
		return new AuditEvent(AuditEvent.TYPE, AuditEvent.SCHEMA, Instant.parse("2026-01-02T03:04:05.678Z"), requestId,
				null, null, "team-a", "10.0.0.1", "vpc:AddSecurityGroups", "p1", target, List.of("sg"), false, 200, 200,
				"up-1", null, 1, 12, false, null, null, null);
	}

	/**
	 * Standard output that stops taking writes (a log pipe nobody drains) until released,
	 * recording every write.
	 */
	private static final class BlockingStream extends OutputStream {

		private final CountDownLatch released = new CountDownLatch(1);

		private final List<String> writes = Collections.synchronizedList(new ArrayList<>());

		private volatile boolean blocked;

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			blocked = true;
			try {
				released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			writes.add(new String(bytes, offset, length, StandardCharsets.US_ASCII));
		}

		boolean blocked() {
			return blocked;
		}

		void release() {
			released.countDown();
		}

		List<String> writes() {
			return List.copyOf(writes);
		}

		List<String> lines() {
			return String.join("", writes()).lines().toList();
		}

	}

}
