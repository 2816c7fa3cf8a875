package dev.secgroup.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of the validation matrices: one call of a mirrored operation and what the
 * gateway must answer. Shared by each operation's validation test and by the simulator's
 * cross-check, so both read the very same cases.
 */
public final class RequestCase {

	public static final String JSON = "application/json";

	/** The gateway's body limit: 64 KiB. */
	public static final int BODY_LIMIT = 64 * 1024;

	private static final ObjectMapper json = JsonMapper.builder().build();

	private RequestCase() {
	}

	/** One HTTP call to the gateway. */
	public record Call(String method, String path, String contentType, String body) {
	}

	/**
	 * Whose rule a rejection enforces: the upstream document's (so Huawei, and the
	 * simulator, refuse it too) or only the gateway's own stricter bound.
	 */
	public enum Rule {

		DOCUMENT, GATEWAY

	}

	/** A call the gateway refuses, with the members the problem must name. */
	public record Rejection(String name, Call call, int status, String errorCode, List<String> fields, Rule rule) {

		/** The same rejection, marked as a rule the upstream document states. */
		public Rejection byTheDocument() {
			return new Rejection(name, call, status, errorCode, fields, Rule.DOCUMENT);
		}

		@Override
		public String toString() {
			return name + (fields.isEmpty() ? " -> " + status : " -> " + status + " " + String.join(", ", fields));
		}

	}

	/**
	 * A call the gateway forwards unchanged; {@code upstream} is {@code vpc} or
	 * {@code hss}.
	 */
	public record Accepted(String name, String method, String path, String body, String upstream) {

		@Override
		public String toString() {
			return upstream.toUpperCase(Locale.ROOT) + ": " + name;
		}

	}

	/** {@code body} (JSON) changed by {@code change}. */
	public static String changed(String body, Consumer<ObjectNode> change) {
		ObjectNode node = (ObjectNode) json.readTree(body);
		change.accept(node);
		return json.writeValueAsString(node);
	}

	/**
	 * The body followed by spaces up to exactly {@code bytes} bytes: still the same JSON
	 * value.
	 */
	public static String padded(String body, int bytes) {
		return body + " ".repeat(bytes - body.getBytes(StandardCharsets.UTF_8).length);
	}

}
