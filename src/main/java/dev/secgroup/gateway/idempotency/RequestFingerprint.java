package dev.secgroup.gateway.idempotency;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * What makes two requests "the same request" for a key: SHA-256 over the method, the raw
 * path, the query in canonical form (names sorted, each value in sent order) and the body
 * as canonical JSON (object members sorted by name, no whitespace). Two requests that
 * differ only in member order or spacing have the same fingerprint; anything else
 * differs.
 */
final class RequestFingerprint {

	private RequestFingerprint() {
	}

	/**
	 * The fingerprint, as 64 hex characters.
	 * @param method HTTP method
	 * @param path raw request path
	 * @param query decoded query parameters
	 * @param body the request body as JSON ({@code null} for none)
	 */
	static String of(String method, String path, Map<String, String[]> query, @Nullable JsonNode body) {
		StringBuilder canonical = new StringBuilder(256).append(method).append('\n').append(path).append('\n');
		new TreeMap<>(query).forEach((name, values) -> {
			for (String value : values) {
				canonical.append(encode(name)).append('=').append(encode(value)).append('&');
			}
		});
		canonical.append('\n');
		if (body != null) {
			canonicalJson(body, canonical);
		}
		return sha256(canonical.toString());
	}

	/**
	 * Canonical JSON: members sorted by name, no whitespace, values as Jackson writes
	 * them.
	 */
	static void canonicalJson(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			Map<String, JsonNode> sorted = new TreeMap<>();
			node.properties().forEach(member -> sorted.put(member.getKey(), member.getValue()));
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				out.append(StringNode.valueOf(member.getKey()).toString()).append(':');
				canonicalJson(member.getValue(), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			boolean first = true;
			for (JsonNode element : node) {
				if (!first) {
					out.append(',');
				}
				first = false;
				canonicalJson(element, out);
			}
			out.append(']');
		}
		else {
			out.append(node.toString());
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
