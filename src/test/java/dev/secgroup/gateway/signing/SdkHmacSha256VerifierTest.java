package dev.secgroup.gateway.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.secgroup.gateway.signing.SdkHmacSha256Signer.Signature;
import dev.secgroup.gateway.signing.SdkHmacSha256Signer.SigningRequest;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier.Outcome;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier.ReceivedRequest;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.AK;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.DATE;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.GROUPS_PATH;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.HSS;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.POLICY_BODY;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.POLICY_PATH;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.PORT_BODY;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.PORT_PATH;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.PROJECT;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.SK;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.USER_AGENT;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.VPC;
import static dev.secgroup.gateway.signing.SdkHmacSha256SignerTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class SdkHmacSha256VerifierTest {

	private static final Instant SIGNED_AT = Instant.parse("2025-12-01T08:30:15Z");

	private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer();

	private final SdkHmacSha256Verifier verifier = verifierAt(SIGNED_AT);

	@Test
	void acceptsARequestSignedByTheSigner() {
		Verification verification = verifier.verify(signedPolicyRequest(UnaryOperator.identity()));

		assertThat(verification).isEqualTo(new Verification(Outcome.VALID, null, AK));
	}

	@Test
	void acceptsTheE1WireCaptureOfTheRealSdk() {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("Accept-Encoding", List.of("gzip"));
		headers.put("Authorization",
				List.of("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
						+ "SignedHeaders=host;user-agent;x-project-id;x-sdk-date, "
						+ "Signature=b9e6cfe60a066eccf04cce0a9232db7f26ff9610cffb3322e208a302bc0375ad"));
		headers.put("Connection", List.of("Keep-Alive"));
		headers.put("Content-Length", List.of("118"));
		headers.put("Content-Type", List.of("application/json; charset=utf-8"));
		headers.put("Host", List.of(VPC));
		headers.put("User-Agent", List.of(USER_AGENT));
		headers.put("X-Project-Id", List.of(PROJECT));
		headers.put("X-Sdk-Date", List.of(DATE));

		Verification verification = verifier
			.verify(new ReceivedRequest("PUT", VPC, PORT_PATH, Map.of(), headers, utf8(PORT_BODY)));

		assertThat(verification.ok()).as(verification.reason()).isTrue();
	}

	@Test
	void acceptsTheE3WireCaptureWhoseQueryIsEncodedUnlikeTheCanonicalForm() {
		Map<String, List<String>> query = SdkHmacSha256Verifier
			.decodeQuery("limit=10&name=web%20sg%2F01*%7E%C3%A9%2Bx");
		Map<String, List<String>> headers = Map.of("host", List.of(VPC), "user-agent", List.of(USER_AGENT),
				"x-project-id", List.of(PROJECT), "x-sdk-date", List.of(DATE), "authorization",
				List.of("SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, "
						+ "SignedHeaders=host;user-agent;x-project-id;x-sdk-date, "
						+ "Signature=1c8a4daf5a40c1c9b13a7329bee820db0df8f53aaa05a405dafbe7c60e3b11d5"));

		Verification verification = verifier.verify(new ReceivedRequest("GET", VPC, GROUPS_PATH, query, headers, null));

		assertThat(verification.ok()).as(verification.reason()).isTrue();
	}

	@Test
	void acceptsHuaweisPublishedDocExampleWhichSignsContentType() {
		Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"), "Host",
				List.of("service.region.example.com"), "X-Sdk-Date", List.of("20191115T033655Z"), "Authorization",
				List.of("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=content-type;host;x-sdk-date, Signature="
						+ SdkHmacSha256SignerTest.DocExample.SIGNATURE));
		SdkHmacSha256Verifier verifier2019 = verifierAt(Instant.parse("2019-11-15T03:36:55Z"));

		Verification verification = verifier2019.verify(new ReceivedRequest("GET", "service.region.example.com",
				SdkHmacSha256SignerTest.DocExample.PATH, SdkHmacSha256SignerTest.DocExample.query(), headers, null));

		assertThat(verification.ok()).as(verification.reason()).isTrue();
	}

	@Test
	void rejectsATamperedBody() {
		assertRejected(signedPolicyRequest(r -> withBody(r, POLICY_BODY.replace("ywk-test", "ywk-tesT"))),
				"signature mismatch");
	}

	@Test
	void rejectsATamperedPath() {
		assertRejected(
				signedPolicyRequest(r -> new ReceivedRequest(r.method(), r.host(),
						r.rawPath().replace("/default/", "/kube-system/"), r.decodedQuery(), r.headers(), r.body())),
				"signature mismatch");
	}

	@Test
	void rejectsATamperedQuery() {
		assertRejected(signedPolicyRequest(r -> new ReceivedRequest(r.method(), r.host(), r.rawPath(),
				Map.of("enterprise_project_id", List.of("0")), r.headers(), r.body())), "signature mismatch");
	}

	@Test
	void rejectsATamperedSignedHeader() {
		assertRejected(signedPolicyRequest(r -> withHeader(r, "X-Project-Id", "00000000000000000000000000000000")),
				"signature mismatch");
	}

	@Test
	void acceptsAChangedHeaderThatWasNotSigned() {
		Verification verification = verifier
			.verify(signedPolicyRequest(r -> withHeader(r, "Content-Type", "text/plain")));

		assertThat(verification.ok()).isTrue();
	}

	@Test
	void rejectsASignatureMadeWithAnotherSecretKey() {
		SdkHmacSha256Verifier otherKey = new SdkHmacSha256Verifier(ak -> Optional.of(SK.replace('M', 'N')),
				Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

		assertRejected(otherKey, signedPolicyRequest(UnaryOperator.identity()), "signature mismatch");
	}

	@Test
	void answersAnUnknownAccessKeyExactlyLikeAWrongSignature() {
		SdkHmacSha256Verifier nobody = new SdkHmacSha256Verifier(ak -> Optional.empty(),
				Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
		SdkHmacSha256Verifier otherKey = new SdkHmacSha256Verifier(ak -> Optional.of(SK.replace('M', 'N')),
				Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

		Verification unknown = nobody.verify(signedPolicyRequest(UnaryOperator.identity()));

		assertThat(unknown).isEqualTo(otherKey.verify(signedPolicyRequest(UnaryOperator.identity())));
		assertThat(unknown.outcome()).isEqualTo(Outcome.SIGNATURE_MISMATCH);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.secgroup.gateway.signing.SdkHmacSha256SignerTest#vectors")
	void acceptsEveryVectorOfTheOfficialSdk(SdkHmacSha256SignerTest.Vector vector) {
		Verification verification = verifier.verify(received(vector, vector.authorization()));

		assertThat(verification.ok()).as(verification.reason()).isTrue();
		assertThat(verification.accessKey()).isEqualTo(AK);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.secgroup.gateway.signing.SdkHmacSha256SignerTest#vectors")
	void rejectsEveryVectorWithOneSignatureDigitChanged(SdkHmacSha256SignerTest.Vector vector) {
		String signature = vector.signature();
		String changed = signature.substring(0, 63) + (signature.charAt(63) == '0' ? '1' : '0');

		assertRejected(received(vector, vector.authorization().replace(signature, changed)), "signature mismatch");
	}

	@Test
	void rejectsAHeaderAddedToSignedHeadersAfterSigning() {
		assertRejected(signedPolicyRequest(r -> {
			ReceivedRequest withAccept = withHeader(r, "Accept", "application/json");
			String authorization = withAccept.headers().get("Authorization").get(0);
			return withHeader(withAccept, "Authorization",
					authorization.replace("SignedHeaders=host;", "SignedHeaders=accept;host;"));
		}), "signature mismatch");
	}

	@Test
	void rejectsAPathWhoseCaseChanged() {
		assertRejected(signedPolicyRequest(r -> new ReceivedRequest(r.method(), r.host(),
				r.rawPath().replace("security-group-policy", "Security-Group-Policy"), r.decodedQuery(), r.headers(),
				r.body())), "signature mismatch");
	}

	@Test
	void rejectsValuesOfOneQueryNameInAnotherOrder() {
		SdkHmacSha256SignerTest.Vector edge = edgeVector();
		ReceivedRequest request = received(edge, edge.authorization());

		assertThat(verifier.verify(request).ok()).isTrue();
		assertRejected(new ReceivedRequest(request.method(), request.host(), request.rawPath(),
				SdkHmacSha256Verifier.decodeQuery("tag=a&tag=b&marker=&Limit=5"), request.headers(), request.body()),
				"signature mismatch");
	}

	@Test
	void acceptsQueryNamesInAnyOrderSinceTheyAreSorted() {
		SdkHmacSha256SignerTest.Vector edge = edgeVector();
		ReceivedRequest request = received(edge, edge.authorization());

		Verification verification = verifier.verify(new ReceivedRequest(request.method(), request.host(),
				request.rawPath(), SdkHmacSha256Verifier.decodeQuery("Limit=5&tag=b&marker=&tag=a"), request.headers(),
				request.body()));

		assertThat(verification.ok()).as(verification.reason()).isTrue();
	}

	@Test
	void rejectsASignatureThatDoesNotCoverTheHost() {
		assertRejected(
				signedPolicyRequest(r -> withHeader(r, "Authorization",
						"SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=x-sdk-date, Signature=00")),
				"host is not a signed header");
	}

	@Test
	void namesTheServerTimeWhenTheDateIsOutOfRange() {
		Verification verification = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(16)))
			.verify(signedPolicyRequest(UnaryOperator.identity()));

		assertThat(verification.outcome()).isEqualTo(Outcome.DATE_OUT_OF_RANGE);
		assertThat(verification.reason()).contains("server time 20251201T084615Z");
	}

	@ParameterizedTest
	@ValueSource(longs = { -16, 16 })
	void rejectsADateSixteenMinutesAway(long minutes) {
		SdkHmacSha256Verifier later = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(minutes)));

		Verification verification = later.verify(signedPolicyRequest(UnaryOperator.identity()));

		assertThat(verification.outcome()).isEqualTo(Outcome.DATE_OUT_OF_RANGE);
		assertThat(verification.reason())
			.startsWith("X-Sdk-Date " + DATE + " is more than 15 minutes from server time");
	}

	@ParameterizedTest
	@ValueSource(longs = { -15, 15 })
	void acceptsADateFifteenMinutesAway(long minutes) {
		SdkHmacSha256Verifier later = verifierAt(SIGNED_AT.plus(Duration.ofMinutes(minutes)));

		assertThat(later.verify(signedPolicyRequest(UnaryOperator.identity())).ok()).isTrue();
	}

	@Test
	void rejectsAMissingAuthorization() {
		assertRejected(signedPolicyRequest(r -> withoutHeader(r, "Authorization")), "missing Authorization header");
	}

	@ParameterizedTest
	@ValueSource(strings = { "SDK-HMAC-SM3 Access=a, SignedHeaders=host;x-sdk-date, Signature=00",
			"SDK-HMAC-SHA256 Access=a, SignedHeaders=host;x-sdk-date",
			"SDK-HMAC-SHA256 Access=a, SignedHeaders=Host;x-sdk-date, Signature=00",
			"SDK-HMAC-SHA256 Access=a, SignedHeaders=host;;x-sdk-date, Signature=00",
			"SDK-HMAC-SHA256 Access=a, Access=b, SignedHeaders=host;x-sdk-date, Signature=00",
			"SDK-HMAC-SHA256 Access=, SignedHeaders=host;x-sdk-date, Signature=00", "Bearer abc" })
	void rejectsAMalformedAuthorization(String authorization) {
		assertRejected(signedPolicyRequest(r -> withHeader(r, "Authorization", authorization)),
				"malformed Authorization header or unsupported algorithm");
	}

	@Test
	void rejectsASignatureThatDoesNotCoverTheDate() {
		assertRejected(
				signedPolicyRequest(r -> withHeader(r, "Authorization",
						"SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host, Signature=00")),
				"x-sdk-date is not a signed header");
	}

	@Test
	void rejectsAMissingSignedHeader() {
		assertRejected(signedPolicyRequest(r -> withoutHeader(r, "X-Project-Id")),
				"signed header missing: x-project-id");
	}

	@Test
	void rejectsAMalformedDate() {
		assertRejected(signedPolicyRequest(r -> withHeader(r, "X-Sdk-Date", "2025-12-01T08:30:15Z")),
				"malformed X-Sdk-Date header");
	}

	@Test
	void rejectsAMalformedPath() {
		assertRejected(signedPolicyRequest(r -> new ReceivedRequest(r.method(), r.host(), r.rawPath() + "%G0",
				r.decodedQuery(), r.headers(), r.body())), "malformed request path");
	}

	@Test
	void usesTheAddressedHostWhenNoHostHeaderArrived() {
		Verification verification = verifier.verify(signedPolicyRequest(r -> withoutHeader(r, "Host")));

		assertThat(verification.ok()).isTrue();
	}

	@Test
	void decodesAQueryAsAServerDoes() {
		assertThat(SdkHmacSha256Verifier.decodeQuery("tag=b&tag=a&marker=&Limit=5&flag&q=a+b%2Bc&&")).containsExactly(
				Map.entry("tag", List.of("b", "a")), Map.entry("marker", List.of("")), Map.entry("Limit", List.of("5")),
				Map.entry("flag", List.of("")), Map.entry("q", List.of("a b+c")));
		assertThat(SdkHmacSha256Verifier.decodeQuery(null)).isEmpty();
	}

	private void assertRejected(ReceivedRequest request, String reason) {
		assertRejected(verifier, request, reason);
	}

	private static void assertRejected(SdkHmacSha256Verifier verifier, ReceivedRequest request, String reason) {
		Verification verification = verifier.verify(request);

		assertThat(verification.ok()).isFalse();
		assertThat(verification.reason()).isEqualTo(reason).doesNotContain(SK);
		assertThat(verification.accessKey()).isNull();
		String authorization = request.headers().getOrDefault("Authorization", List.of("")).get(0);
		String signature = authorization.replaceAll("^.*Signature=([0-9a-f]{64})$|^.*$", "$1");
		if (!signature.isEmpty()) {
			assertThat(verification.reason()).doesNotContain(signature);
		}
		assertThat(verification.toString()).doesNotContain(SK);
	}

	/**
	 * HSS vector 2B, signed now, as the server would receive it, then changed by
	 * {@code tamper}.
	 */
	private ReceivedRequest signedPolicyRequest(UnaryOperator<ReceivedRequest> tamper) {
		Map<String, String> sent = new LinkedHashMap<>();
		sent.put("Content-Type", "application/json");
		sent.put("User-Agent", USER_AGENT);
		sent.put("X-Project-Id", PROJECT);
		Map<String, List<String>> query = Map.of("enterprise_project_id", List.of("all_granted_eps"));
		Signature signature = signer.sign(new SigningRequest("POST", HSS, POLICY_PATH, query, sent, utf8(POLICY_BODY)),
				AK, SK, DATE);
		Map<String, List<String>> received = new LinkedHashMap<>();
		sent.forEach((name, value) -> received.put(name, List.of(value)));
		received.put("Host", List.of(HSS));
		received.put("X-Sdk-Date", List.of(signature.sdkDate()));
		received.put("Authorization", List.of(signature.authorization()));
		return tamper.apply(new ReceivedRequest("POST", HSS, POLICY_PATH, query, received, utf8(POLICY_BODY)));
	}

	private static ReceivedRequest withBody(ReceivedRequest r, String body) {
		return new ReceivedRequest(r.method(), r.host(), r.rawPath(), r.decodedQuery(), r.headers(), utf8(body));
	}

	private static ReceivedRequest withHeader(ReceivedRequest r, String name, String value) {
		Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
		headers.put(name, List.of(value));
		return new ReceivedRequest(r.method(), r.host(), r.rawPath(), r.decodedQuery(), headers, r.body());
	}

	private static ReceivedRequest withoutHeader(ReceivedRequest r, String name) {
		Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
		headers.remove(name);
		return new ReceivedRequest(r.method(), r.host(), r.rawPath(), r.decodedQuery(), headers, r.body());
	}

	/**
	 * A vector's request as a server receives it: the signed headers, the signer's
	 * {@code Host}, {@code X-Sdk-Date} and {@code Authorization}.
	 */
	private static ReceivedRequest received(SdkHmacSha256SignerTest.Vector vector, String authorization) {
		SigningRequest sent = vector.request();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		sent.headers().forEach((name, value) -> headers.put(name, List.of(value)));
		headers.put("Host", List.of(sent.host()));
		headers.put("X-Sdk-Date", List.of(DATE));
		headers.put("Authorization", List.of(authorization));
		return new ReceivedRequest(sent.method(), sent.host(), sent.rawPath(), sent.decodedQuery(), headers,
				sent.body());
	}

	private static SdkHmacSha256SignerTest.Vector edgeVector() {
		return SdkHmacSha256SignerTest.vectors().filter(v -> v.name().startsWith("EDGE")).findFirst().orElseThrow();
	}

	private static SdkHmacSha256Verifier verifierAt(Instant now) {
		return new SdkHmacSha256Verifier(ak -> AK.equals(ak) ? Optional.of(SK) : Optional.empty(),
				Clock.fixed(now, ZoneOffset.UTC));
	}

}
