package dev.secgroup.gateway.credentials;

import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs an upstream request with a Huawei Cloud AK/SK the way the official SDK does
 * ({@code AKSKSigner}, huaweicloud-sdk-core 3.1.170, algorithm {@code SDK-HMAC-SHA256}),
 * so the gateway can call APIs that have no Java SDK on Maven Central (HSS
 * CreateSecurityGroupPolicy) without one. Reproduces every vector the SDK's own signer
 * produced (see the tests); Huawei's doc example differs only in also signing
 * {@code Content-Type}, which this signer, like the SDK, never does.
 * <p>
 * The signature covers the method, the path, the query, every header given (except
 * {@code Content-Type} and names containing {@code _}, which the SDK never signs),
 * {@code host}, {@code x-sdk-date} and the body bytes. So sign last, after the URI,
 * headers and body are final, and send exactly what was signed, plus
 * {@code X-Sdk-Date: }{@link Signature#sdkDate()} and
 * {@code Authorization: }{@link Signature#authorization()}.
 * <p>
 * <b>Temporary credentials</b>: the caller puts {@code X-Security-Token} into
 * {@link SigningRequest#headers()} before signing, so it is signed, and sends it too.
 * <p>
 * Stateless and thread-safe; one instance may serve every request.
 */
public final class SdkHmacSha256Signer {

	/**
	 * @param request what goes on the wire
	 * @param accessKey the AK, sent in clear in {@code Authorization}
	 * @param secretKey the SK; only used as HMAC key, never put in a message
	 * @param sdkDate the {@code X-Sdk-Date} to send, see {@link #sdkDate(Clock)}
	 * @return the headers to add
	 * @throws IllegalArgumentException if the request is not signable as given (a
	 * conflicting {@code Host} or {@code X-Sdk-Date} header, a header given twice, a
	 * malformed path or date)
	 */
	public Signature sign(SigningRequest request, String accessKey, String secretKey, String sdkDate) {
		requireText(accessKey, "access key");
		requireText(secretKey, "secret key");
		Map<String, String> signedHeaders = signedHeaders(request, sdkDate);
		String canonicalRequest = canonicalRequest(request, signedHeaders);
		String signature = SdkSigning.hmacSha256Hex(secretKey, stringToSign(sdkDate, canonicalRequest));
		List<String> names = List.copyOf(signedHeaders.keySet());
		String authorization = SdkSigning.ALGORITHM + " Access=" + accessKey + ", SignedHeaders="
				+ String.join(";", names) + ", Signature=" + signature;
		return new Signature(authorization, sdkDate, names);
	}

	/** The current time as {@code X-Sdk-Date}: {@code yyyyMMdd'T'HHmmss'Z'} in UTC. */
	public static String sdkDate(Clock clock) {
		return SdkSigning.format(clock.instant());
	}

	/** The canonical request {@link #sign} signs; visible for the test vectors. */
	String canonicalRequest(SigningRequest request, String sdkDate) {
		return canonicalRequest(request, signedHeaders(request, sdkDate));
	}

	/** {@code SDK-HMAC-SHA256\n<X-Sdk-Date>\nhex(sha256(canonicalRequest))}. */
	static String stringToSign(String sdkDate, String canonicalRequest) {
		return SdkSigning.stringToSign(sdkDate, canonicalRequest);
	}

	private static String canonicalRequest(SigningRequest request, Map<String, String> signedHeaders) {
		return SdkSigning.canonicalRequest(request.method(), SdkSigning.canonicalUri(request.rawPath()),
				SdkSigning.canonicalQuery(request.decodedQuery()), signedHeaders,
				SdkSigning.payloadHash(signedHeaders.get(SdkSigning.X_SDK_CONTENT_SHA256), request.body()));
	}

	/** Lower-case names to first values, sorted: what the SDK puts in its TreeMap. */
	private static Map<String, String> signedHeaders(SigningRequest request, String sdkDate) {
		requireSdkDate(sdkDate);
		TreeMap<String, String> signed = new TreeMap<>();
		request.headers().forEach((name, value) -> {
			String lower = SdkSigning.lowerCase(name);
			if (lower.equals(SdkSigning.CONTENT_TYPE) || lower.indexOf('_') >= 0) {
				return;
			}
			if (value == null) {
				throw new IllegalArgumentException("header " + name + " has no value");
			}
			if (signed.put(lower, value) != null) {
				throw new IllegalArgumentException("header " + lower + " is given twice");
			}
		});
		requireSameIfPresent(signed, SdkSigning.HOST, request.host());
		requireSameIfPresent(signed, SdkSigning.X_SDK_DATE, sdkDate);
		signed.put(SdkSigning.HOST, request.host());
		signed.put(SdkSigning.X_SDK_DATE, sdkDate);
		return signed;
	}

	private static void requireSameIfPresent(Map<String, String> headers, String name, String expected) {
		String given = headers.get(name);
		if (given != null && !given.equals(expected)) {
			throw new IllegalArgumentException("header " + name + " differs from the value signed: " + expected);
		}
	}

	private static void requireSdkDate(String sdkDate) {
		try {
			SdkSigning.parse(Objects.requireNonNull(sdkDate, "sdkDate"));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("sdkDate must be yyyyMMdd'T'HHmmss'Z': " + sdkDate);
		}
	}

	private static void requireText(String value, String what) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(what + " is required");
		}
	}

	/**
	 * What goes on the wire, as the signer must see it.
	 *
	 * @param method HTTP method as sent, e.g. {@code PUT}
	 * @param host authority as sent: {@code host} or {@code host:port} (the {@code Host}
	 * header)
	 * @param rawPath the percent-encoded path as sent, without query
	 * @param decodedQuery query parameters, values decoded, in the order sent (the
	 * signature is computed from these, never from the wire string, whose encoding
	 * clients vary)
	 * @param headers the headers to sign, original case, as they will be sent;
	 * {@code Content-Type} and names with {@code _} may be present and are left out of
	 * the signature; a {@code Host} or {@code X-Sdk-Date} here must equal {@code host}
	 * and the date signed
	 * @param body exact bytes sent, may be empty; not copied, so do not change it
	 * afterwards
	 */
	public record SigningRequest(String method, String host, String rawPath, Map<String, List<String>> decodedQuery,
			Map<String, String> headers, byte[] body) {

		public SigningRequest {
			requireText(method, "method");
			requireText(host, "host");
			Objects.requireNonNull(rawPath, "rawPath");
			decodedQuery = copyQuery(decodedQuery);
			headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
			body = body == null ? new byte[0] : body;
		}

		private static Map<String, List<String>> copyQuery(Map<String, List<String>> query) {
			Map<String, List<String>> copy = new LinkedHashMap<>();
			Objects.requireNonNull(query, "decodedQuery")
				.forEach((name, values) -> copy.put(name, List.copyOf(values)));
			return Collections.unmodifiableMap(copy);
		}

		@Override
		public String toString() {
			// Header values may hold a security token; the body is not for logs.
			return "SigningRequest[" + method + " " + host + rawPath + " query=" + decodedQuery.keySet() + " headers="
					+ headers.keySet() + " bytes=" + body.length + "]";
		}

	}

	/**
	 * The headers to add to the request.
	 *
	 * @param authorization value of {@code Authorization}
	 * @param sdkDate value of {@code X-Sdk-Date}, which must be sent exactly so
	 * @param signedHeaders lower-case names covered, sorted
	 */
	public record Signature(String authorization, String sdkDate, List<String> signedHeaders) {

		public Signature {
			signedHeaders = List.copyOf(signedHeaders);
		}

		@Override
		public String toString() {
			return "Signature[sdkDate=" + sdkDate + ", signedHeaders=" + signedHeaders + ", authorization=<masked>]";
		}

	}

}
