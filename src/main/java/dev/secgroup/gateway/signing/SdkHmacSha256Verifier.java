package dev.secgroup.gateway.signing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Checks an {@code SDK-HMAC-SHA256} signature the way Huawei's API gateway does: the
 * gateway's inbound {@code aksk} mode (callers using the official Huawei SDK) and the
 * simulator (a fake upstream) reject exactly what the real one would. The signature is
 * recomputed over the headers the client listed in {@code SignedHeaders}, in its order,
 * and {@code X-Sdk-Date} must be within 15 minutes of this server's clock
 * ({@code APIGW.0303} at Huawei).
 * <p>
 * Stricter than Huawei in one respect: {@code host} and {@code x-sdk-date} must be among
 * the signed headers, so a captured request can neither be replayed with a fresh date nor
 * sent to another host. An unknown access key costs the same work and gets the same
 * answer as a wrong signature, so a caller cannot probe which keys exist. The comparison
 * is constant-time. Reasons never contain a secret key or a signature. Thread-safe.
 */
public final class SdkHmacSha256Verifier {

	/** Largest accepted difference between {@code X-Sdk-Date} and the clock. */
	public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

	private static final String AUTHORIZATION = "Authorization";

	/**
	 * Signs for an unknown access key, so that it takes as long as a known one and fails
	 * the same way.
	 */
	private static final String UNKNOWN_KEY_SECRET = "no-such-access-key-0000000000000000";

	private final Function<String, Optional<String>> secretKeyByAccessKey;

	private final Clock clock;

	/**
	 * @param secretKeyByAccessKey the SK of an AK, empty if the AK is unknown
	 * @param clock the server's time, to check {@code X-Sdk-Date}
	 */
	public SdkHmacSha256Verifier(Function<String, Optional<String>> secretKeyByAccessKey, Clock clock) {
		this.secretKeyByAccessKey = Objects.requireNonNull(secretKeyByAccessKey, "secretKeyByAccessKey");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Whether the request carries a valid signature; never throws for a bad request. */
	public Verification verify(ReceivedRequest request) {
		Map<String, String> headers = firstValues(request.headers());
		String authorization = headers.get(AUTHORIZATION);
		if (authorization == null) {
			return Verification.rejected("missing Authorization header");
		}
		ParsedAuthorization parsed = ParsedAuthorization.parse(authorization);
		if (parsed == null) {
			return Verification.rejected("malformed Authorization header or unsupported algorithm");
		}
		if (!parsed.signedHeaders().contains(SdkSigning.X_SDK_DATE)) {
			return Verification.rejected("x-sdk-date is not a signed header");
		}
		if (!parsed.signedHeaders().contains(SdkSigning.HOST)) {
			return Verification.rejected("host is not a signed header");
		}
		String sdkDate = headers.get(SdkSigning.X_SDK_DATE);
		if (sdkDate == null) {
			return Verification.rejected("missing X-Sdk-Date header");
		}
		Instant signedAt;
		try {
			signedAt = SdkSigning.parse(sdkDate);
		}
		catch (DateTimeParseException ex) {
			return Verification.rejected("malformed X-Sdk-Date header");
		}
		Instant now = clock.instant();
		if (Duration.between(signedAt, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
			return new Verification(Outcome.DATE_OUT_OF_RANGE,
					"X-Sdk-Date " + sdkDate + " is more than 15 minutes from server time " + SdkSigning.format(now),
					null);
		}
		Optional<String> secretKey = secretKeyByAccessKey.apply(parsed.accessKey()).filter(key -> !key.isEmpty());
		Map<String, String> signedHeaders = new LinkedHashMap<>();
		for (String name : parsed.signedHeaders()) {
			String value = SdkSigning.HOST.equals(name) ? headers.getOrDefault(name, request.host())
					: headers.get(name);
			if (value == null) {
				return Verification.rejected("signed header missing: " + name);
			}
			signedHeaders.put(name, value);
		}
		String canonicalUri;
		try {
			canonicalUri = SdkSigning.canonicalUri(request.rawPath());
		}
		catch (IllegalArgumentException ex) {
			return Verification.rejected("malformed request path");
		}
		String canonicalRequest = SdkSigning.canonicalRequest(request.method(), canonicalUri,
				SdkSigning.canonicalQuery(request.decodedQuery()), signedHeaders,
				SdkSigning.payloadHash(headers.get(SdkSigning.X_SDK_CONTENT_SHA256), request.body()));
		String expected = SdkSigning.hmacSha256Hex(secretKey.orElse(UNKNOWN_KEY_SECRET),
				SdkSigning.stringToSign(sdkDate, canonicalRequest));
		boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				parsed.signature().getBytes(StandardCharsets.UTF_8));
		// An unknown key is answered like a wrong signature (the caller learns nothing).
		return match && secretKey.isPresent() ? Verification.accepted(parsed.accessKey())
				: new Verification(Outcome.SIGNATURE_MISMATCH, "signature mismatch", null);
	}

	/**
	 * Decodes a raw query string as a server does ({@code +} is a space), keeping the
	 * order; for building {@link ReceivedRequest#decodedQuery()} from the wire.
	 * @throws IllegalArgumentException on a malformed percent-escape
	 */
	public static Map<String, List<String>> decodeQuery(@Nullable String rawQuery) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			query.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), key -> new ArrayList<>())
				.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return query;
	}

	/** Case-insensitive names to the first value, as the signer sees a header. */
	private static Map<String, String> firstValues(Map<String, List<String>> headers) {
		Map<String, String> first = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> {
			if (values != null && !values.isEmpty() && values.get(0) != null) {
				first.putIfAbsent(name, values.get(0));
			}
		});
		return first;
	}

	/**
	 * A request as the server received it.
	 *
	 * @param method HTTP method
	 * @param host authority the client addressed, used for {@code host} if no
	 * {@code Host} header is in {@code headers} (HTTP/2)
	 * @param rawPath the path as received, still percent-encoded
	 * @param decodedQuery query parameters, decoded, in the order received (see
	 * {@link SdkHmacSha256Verifier#decodeQuery(String)})
	 * @param headers all headers received, any case
	 * @param body the bytes received
	 */
	public record ReceivedRequest(String method, @Nullable String host, String rawPath,
			Map<String, List<String>> decodedQuery, Map<String, List<String>> headers, byte @Nullable [] body) {

		public ReceivedRequest {
			Objects.requireNonNull(method, "method");
			Objects.requireNonNull(rawPath, "rawPath");
			decodedQuery = Collections.unmodifiableMap(new LinkedHashMap<>(decodedQuery));
			headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
			body = body == null ? new byte[0] : body;
		}

		@Override
		public String toString() {
			// Header values hold the signature and maybe a security token.
			return "ReceivedRequest[" + method + " " + host + rawPath + " query=" + decodedQuery.keySet() + " headers="
					+ headers.keySet() + " bytes=" + body.length + "]";
		}

	}

	/** What a check found. */
	public enum Outcome {

		/** The signature is valid, by a known access key, and dated in time. */
		VALID,

		/**
		 * {@code Authorization}, {@code X-Sdk-Date}, a signed header or the path is
		 * missing or malformed.
		 */
		MALFORMED,

		/** {@code X-Sdk-Date} is more than 15 minutes from the server's clock. */
		DATE_OUT_OF_RANGE,

		/** Not signed with the secret key of the access key given (or no such key). */
		SIGNATURE_MISMATCH

	}

	/**
	 * Outcome of a check.
	 *
	 * @param outcome what was found
	 * @param reason why not, safe to log and to return to the client; {@code null} if
	 * valid
	 * @param accessKey the verified AK; {@code null} unless valid
	 */
	public record Verification(Outcome outcome, @Nullable String reason, @Nullable String accessKey) {

		static Verification accepted(String accessKey) {
			return new Verification(Outcome.VALID, null, accessKey);
		}

		static Verification rejected(String reason) {
			return new Verification(Outcome.MALFORMED, reason, null);
		}

		/** Whether the signature is valid. */
		public boolean ok() {
			return outcome == Outcome.VALID;
		}

	}

	/**
	 * The three fields of {@code Authorization}; null from {@link #parse} if anything is
	 * off.
	 */
	private record ParsedAuthorization(String accessKey, List<String> signedHeaders, String signature) {

		static @Nullable ParsedAuthorization parse(String value) {
			String prefix = SdkSigning.ALGORITHM + " ";
			if (!value.startsWith(prefix)) {
				return null;
			}
			Map<String, String> fields = new TreeMap<>();
			for (String part : value.substring(prefix.length()).split(",")) {
				int eq = part.indexOf('=');
				String name = eq < 0 ? "" : part.substring(0, eq).trim();
				String field = eq < 0 ? "" : part.substring(eq + 1).trim();
				if (field.isEmpty() || fields.put(name, field) != null) {
					return null;
				}
			}
			if (!fields.keySet().equals(Set.of("Access", "SignedHeaders", "Signature"))) {
				return null;
			}
			List<String> names = List.of(fields.get("SignedHeaders").split(";", -1));
			Set<String> seen = new HashSet<>();
			for (String name : names) {
				if (name.isEmpty() || !name.equals(SdkSigning.lowerCase(name)) || !seen.add(name)) {
					return null;
				}
			}
			return new ParsedAuthorization(fields.get("Access"), names, fields.get("Signature"));
		}

		@Override
		public String toString() {
			return "ParsedAuthorization[accessKey=" + accessKey + ", signedHeaders=" + signedHeaders
					+ ", signature=<masked>]";
		}

	}

}
