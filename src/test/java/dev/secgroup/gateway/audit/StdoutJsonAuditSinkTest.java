package dev.secgroup.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StdoutJsonAuditSinkTest {

	private final PrintStream original = System.out;

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	@BeforeEach
	void capture() {
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(original);
	}

	@Test
	void writesOneAsciiJsonLinePerEventWithNullsKept() {
		Map<String, String> target = new LinkedHashMap<>();
		target.put("port_id", "p\r\n{\"type\":\"audit\"}\u2028\u00e9");

		new StdoutJsonAuditSink().write(event(target));

		String out = captured.toString(StandardCharsets.UTF_8);
		assertThat(out).endsWith("\n").hasLineCount(1);
		assertThat(out.chars()).allMatch(c -> c < 128);
		JsonNode json = JsonMapper.builder().build().readTree(out);
		assertThat(json.get("type").asString()).isEqualTo("audit");
		assertThat(json.get("time").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
		assertThat(json.get("trace_id").isNull()).isTrue();
		assertThat(json.get("target").get("port_id").asString()).isEqualTo(target.get("port_id"));
	}

	@Test
	void failsWhenStandardOutputRefusesTheLine() {
		System.setOut(new PrintStream(new OutputStream() {
			@Override
			public void write(int b) throws java.io.IOException {
				throw new java.io.IOException("broken pipe");
			}
		}));

		assertThatThrownBy(() -> new StdoutJsonAuditSink().write(event(Map.of())))
			.isInstanceOf(AuditSinkException.class);
	}

	@Test
	void longCallerValuesAreBoundedSoTheLineStaysCollectable() {
		String bounded = AuditEvents.bounded("x".repeat(10_000));

		assertThat(bounded).hasSize(AuditEvents.MAX_TEXT + "...[truncated]".length()).endsWith("...[truncated]");
		assertThat(AuditEvents.bounded("short")).isEqualTo("short");
	}

	private static AuditEvent event(Map<String, String> target) {
		return new AuditEvent(AuditEvent.TYPE, AuditEvent.SCHEMA, Instant.parse("2026-01-02T03:04:05.678Z"), "req-1",
				null, "team-a", "10.0.0.1", "vpc:AddSecurityGroups", "p1", target, List.of("sg"), false, 200, 200,
				"up-1", null, 1, 12, false, null);
	}

}
