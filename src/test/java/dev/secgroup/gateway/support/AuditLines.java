package dev.secgroup.gateway.support;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit events in captured standard output: each line whose JSON has
 * {@code "type":"audit"}.
 */
public final class AuditLines {

	private static final JsonMapper json = JsonMapper.builder().build();

	private AuditLines() {
	}

	/**
	 * The raw audit lines that carry this request id, the gateway's ({@code request_id})
	 * or the one its caller sent ({@code client_request_id}), read as JSON so that
	 * escaping cannot hide one.
	 */
	public static List<String> rawOf(CharSequence output, String requestId) {
		return output.toString()
			.lines()
			.filter(line -> line.startsWith("{\"type\":\"audit\""))
			.filter(line -> carries(json.readTree(line), requestId))
			.toList();
	}

	/** The audit events of this request id, parsed. */
	public static List<JsonNode> of(CharSequence output, String requestId) {
		return rawOf(output, requestId).stream().map(json::readTree).toList();
	}

	/** The one audit event of this request id; fails unless there is exactly one. */
	public static JsonNode single(CharSequence output, String requestId) {
		List<JsonNode> events = of(output, requestId);
		if (events.size() != 1) {
			throw new AssertionError("expected exactly one audit event for " + requestId + " but found " + events.size()
					+ " in:\n" + output);
		}
		return events.get(0);
	}

	private static boolean carries(JsonNode event, String requestId) {
		return requestId.equals(event.path("request_id").asString(null))
				|| requestId.equals(event.path("client_request_id").asString(null));
	}

}
