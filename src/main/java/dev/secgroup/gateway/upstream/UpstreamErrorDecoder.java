package dev.secgroup.gateway.upstream;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a Huawei error body the way the official SDKs do
 * (ExceptionUtils.processErrorMessage): {@code error_code}/{@code error_msg}, else
 * {@code code}/{@code message}, else the first nested object that has either pair
 * ({@code {"error":{...}}}, {@code NeutronError}). HSS bodies with only
 * {@code error_code}/{@code error_description} are read too. The request id comes from
 * the {@code X-Request-Id} header first, then from a body {@code request_id}.
 */
final class UpstreamErrorDecoder {

	private static final int MAX_MESSAGE = 512;

	private static final int MAX_DEPTH = 4;

	private final ObjectMapper json;

	UpstreamErrorDecoder(ObjectMapper json) {
		this.json = json;
	}

	UpstreamError decode(UpstreamResponse response) {
		JsonNode body = parse(response.body());
		String headerRequestId = response.upstreamRequestId();
		if (body == null || !body.isObject()) {
			return new UpstreamError(null, null, headerRequestId);
		}
		String requestId = headerRequestId != null ? headerRequestId : text(body, "request_id");
		JsonNode holder = find(body, 0);
		if (holder == null) {
			return new UpstreamError(null, null, requestId);
		}
		String code = holder.has("error_code") ? text(holder, "error_code") : text(holder, "code");
		String message = firstText(holder, "error_msg", "message", "error_description", "detail");
		return new UpstreamError(code, truncate(message), requestId);
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return json.readTree(body);
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private static JsonNode find(JsonNode node, int depth) {
		if (node.has("error_code") || (node.has("code") && node.has("message"))) {
			return node;
		}
		if (depth >= MAX_DEPTH) {
			return null;
		}
		for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
			JsonNode child = it.next().getValue();
			if (child.isObject()) {
				JsonNode found = find(child, depth + 1);
				if (found != null) {
					return found;
				}
			}
		}
		return node.has("message") ? node : null;
	}

	private static String firstText(JsonNode node, String... names) {
		for (String name : names) {
			String value = text(node, name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull() || value.isContainer() ? null : value.asString();
	}

	private static String truncate(String message) {
		return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
	}

}
