package dev.secgroup.gateway.credentials;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The steps of SDK-HMAC-SHA256 that signer and verifier share, so that both sides
 * canonicalise a request in exactly one way (docs/huawei-cloud.md "AK/SK signing
 * (SDK-HMAC-SHA256)", pinned by the SDK's own vectors in the tests).
 */
final class SdkSigning {

	static final String ALGORITHM = "SDK-HMAC-SHA256";

	static final String HOST = "host";

	static final String X_SDK_DATE = "x-sdk-date";

	static final String CONTENT_TYPE = "content-type";

	/**
	 * If present, its value replaces the body hash (the SDK uses it for
	 * UNSIGNED-PAYLOAD).
	 */
	static final String X_SDK_CONTENT_SHA256 = "x-sdk-content-sha256";

	static final DateTimeFormatter SDK_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC)
		.withResolverStyle(ResolverStyle.STRICT);

	private static final HexFormat LOWER_HEX = HexFormat.of();

	private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

	private static final boolean[] UNRESERVED = new boolean[128];

	static {
		for (char c = 'A'; c <= 'Z'; c++) {
			UNRESERVED[c] = true;
			UNRESERVED[Character.toLowerCase(c)] = true;
		}
		for (char c = '0'; c <= '9'; c++) {
			UNRESERVED[c] = true;
		}
		for (char c : "-_.~".toCharArray()) {
			UNRESERVED[c] = true;
		}
	}

	private SdkSigning() {
	}

	/**
	 * RFC 3986 of the UTF-8 bytes: what the SDK's
	 * {@code SignUtils.urlEncode(value, false)} yields.
	 */
	static String encode(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		return encode(bytes, 0, bytes.length);
	}

	private static String encode(byte[] bytes, int from, int to) {
		StringBuilder out = new StringBuilder(to - from);
		for (int i = from; i < to; i++) {
			int b = bytes[i] & 0xFF;
			if (b < 128 && UNRESERVED[b]) {
				out.append((char) b);
			}
			else {
				out.append('%').append(UPPER_HEX[b >> 4]).append(UPPER_HEX[b & 0xF]);
			}
		}
		return out.toString();
	}

	/**
	 * The canonical URI of a path as sent on the wire. The SDK splits the
	 * <em>unencoded</em> path (it builds its URL from raw values) and encodes each
	 * segment; Huawei's own API-gateway signer splits the decoded {@code URL.Path}. So
	 * the path is percent-decoded first, then split on {@code /} and each segment
	 * re-encoded: {@code %7E}, {@code ~}, {@code *} and {@code %2A} all sign alike, and
	 * an encoded {@code %2F} counts as a separator, as it does upstream. Every segment is
	 * followed by {@code /}; trailing empty segments are dropped, as Java's {@code split}
	 * does in the SDK.
	 * @throws IllegalArgumentException if the path is not an absolute path with valid
	 * escapes
	 */
	static String canonicalUri(String rawPath) {
		if (rawPath.isEmpty()) {
			return "/";
		}
		if (rawPath.charAt(0) != '/' || rawPath.indexOf('?') >= 0 || rawPath.indexOf('#') >= 0) {
			throw new IllegalArgumentException("raw path must be an absolute path without query or fragment");
		}
		byte[] path = percentDecode(rawPath);
		List<int[]> segments = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= path.length; i++) {
			if (i == path.length || path[i] == '/') {
				segments.add(new int[] { start, i });
				start = i + 1;
			}
		}
		while (!segments.isEmpty() && segments.get(segments.size() - 1)[0] == segments.get(segments.size() - 1)[1]) {
			segments.remove(segments.size() - 1);
		}
		if (segments.isEmpty()) {
			return "/";
		}
		StringBuilder uri = new StringBuilder(rawPath.length() + 1);
		for (int[] segment : segments) {
			uri.append(encode(path, segment[0], segment[1])).append('/');
		}
		return uri.toString();
	}

	private static byte[] percentDecode(String rawPath) {
		byte[] in = rawPath.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		for (int i = 0; i < in.length; i++) {
			if (in[i] == '%') {
				int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
				int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
				if (lo < 0) {
					throw new IllegalArgumentException("raw path has a malformed percent-escape");
				}
				out.write((hi << 4) | lo);
				i += 2;
			}
			else {
				out.write(in[i]);
			}
		}
		return out.toByteArray();
	}

	/**
	 * Names and values encoded, sorted by encoded name (byte order, so {@code Limit}
	 * precedes {@code marker}), values of one name in the given order, an empty value or
	 * no value as {@code name=}.
	 */
	static String canonicalQuery(Map<String, List<String>> decodedQuery) {
		if (decodedQuery.isEmpty()) {
			return "";
		}
		TreeMap<String, List<String>> sorted = new TreeMap<>();
		decodedQuery.forEach((name, values) -> {
			List<String> encoded = sorted.computeIfAbsent(encode(name), key -> new ArrayList<>());
			for (String value : values) {
				encoded.add(encode(value));
			}
		});
		StringBuilder query = new StringBuilder();
		sorted.forEach((name, values) -> {
			if (values.isEmpty()) {
				append(query, name, "");
			}
			for (String value : values) {
				append(query, name, value);
			}
		});
		return query.toString();
	}

	private static void append(StringBuilder query, String name, String value) {
		if (query.length() > 0) {
			query.append('&');
		}
		query.append(name).append('=').append(value);
	}

	/**
	 * @param signedHeaders lower-case names to values, in signing order (the signer sorts
	 * them; the verifier keeps the order the client listed)
	 */
	static String canonicalRequest(String method, String canonicalUri, String canonicalQuery,
			Map<String, String> signedHeaders, String payloadHash) {
		StringBuilder canonical = new StringBuilder(256).append(method)
			.append('\n')
			.append(canonicalUri)
			.append('\n')
			.append(canonicalQuery)
			.append('\n');
		signedHeaders.forEach((name, value) -> canonical.append(name).append(':').append(value).append('\n'));
		return canonical.append('\n')
			.append(String.join(";", signedHeaders.keySet()))
			.append('\n')
			.append(payloadHash)
			.toString();
	}

	/**
	 * {@code X-Sdk-Content-Sha256} if the request carries it, else the hex SHA-256 of the
	 * body.
	 */
	static String payloadHash(String contentSha256Header, byte[] body) {
		return contentSha256Header != null ? contentSha256Header : sha256Hex(body);
	}

	static String stringToSign(String sdkDate, String canonicalRequest) {
		return ALGORITHM + "\n" + sdkDate + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256Hex(byte[] data) {
		try {
			return LOWER_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * Hex HMAC-SHA256 keyed with the plain secret key (no key derivation in this
	 * algorithm).
	 */
	static String hmacSha256Hex(String secretKey, String data) {
		try {
			// A Mac per call: the key differs per call anyway, and no ThreadLocal to leak
			// on
			// virtual threads.
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return LOWER_HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			// Never the key in the message.
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	static String format(Instant instant) {
		return SDK_DATE.format(instant);
	}

	/**
	 * @throws DateTimeParseException unless exactly {@code yyyyMMdd'T'HHmmss'Z'}
	 */
	static Instant parse(String sdkDate) {
		return LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC);
	}

	static String lowerCase(String headerName) {
		return headerName.toLowerCase(Locale.ROOT);
	}

}
