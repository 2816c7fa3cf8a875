package dev.secgroup.gateway.observability;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** JSON log lines in captured standard output. */
final class LogLines {

	private static final JsonMapper json = JsonMapper.builder().build();

	private LogLines() {
	}

	/** Every line, parsed; fails on the first line that is not one JSON object. */
	static List<JsonNode> all(CharSequence output) {
		return output.toString().lines().filter(line -> !line.isBlank()).map(line -> {
			JsonNode node;
			try {
				node = json.readTree(line);
			}
			catch (RuntimeException ex) {
				throw new AssertionError("not a JSON line: " + line, ex);
			}
			if (node == null || !node.isObject()) {
				throw new AssertionError("not a JSON object: " + line);
			}
			return node;
		}).toList();
	}

	/**
	 * The access log line of this request id; fails unless there is exactly one. Waits
	 * for it (5 s at most): the line is written once the answer has been sent.
	 */
	static JsonNode access(CharSequence output, String requestId) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> output.toString()
				.lines()
				.anyMatch(line -> line.contains(AccessLogFilter.LOGGER) && line.contains(requestId)));
		List<JsonNode> lines = all(output).stream()
			.filter(line -> AccessLogFilter.LOGGER.equals(line.path("log").path("logger").asString(null)))
			.filter(line -> requestId.equals(line.path("request_id").asString(null))
					|| requestId.equals(line.path("client_request_id").asString(null)))
			.toList();
		if (lines.size() != 1) {
			throw new AssertionError(
					"expected one access line of " + requestId + " but found " + lines.size() + " in:\n" + output);
		}
		return lines.get(0);
	}

}
