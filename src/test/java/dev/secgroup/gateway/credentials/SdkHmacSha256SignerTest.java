package dev.secgroup.gateway.credentials;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.secgroup.gateway.credentials.SdkHmacSha256Signer.Signature;
import dev.secgroup.gateway.credentials.SdkHmacSha256Signer.SigningRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every signing vector produced by huaweicloud-sdk-core 3.1.170's own signer
 * (docs/huawei-cloud.md "AK/SK signing (SDK-HMAC-SHA256)"), from the same inputs, checked
 * at each intermediate step.
 */
class SdkHmacSha256SignerTest {

	static final String AK = "QTWAOYTTINDUT2QVKYUC";

	static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

	static final String DATE = "20251201T083015Z";

	static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	static final String VPC = "vpc.cn-north-4.myhuaweicloud.com";

	static final String HSS = "hss.cn-north-4.myhuaweicloud.com";

	static final String USER_AGENT = "huaweicloud-usdk-java/3.0; signvec-test";

	static final String TOKEN = "EXAMPLE-SECURITY-TOKEN-0123456789";

	static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

	static final String PORT_PATH = "/v3/" + PROJECT
			+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";

	static final String PORT_BODY = "{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\","
			+ "\"6c2d4540-3b7d-4207-a319-a7231b439995\"],\"index\":1}}";

	static final String PORT_BODY_SHA256 = "663f4a4ce14d1e1950fcd7fcb16c46ae8dc134edbac8143ae563c06af5b8e3ed";

	static final String POLICY_PATH = "/v5/" + PROJECT
			+ "/container-network/0b2b8e34-6f41-11ee-8c67-0255ac10004c/default/security-group-policy";

	static final String POLICY_BODY = "{\"policy_name\":\"ywk-test\",\"workload_id\":\"27f3d7af-e947-4731-a3d2-8a561ae33069\","
			+ "\"workload_name\":\"kube-state-metrics\",\"workload_type\":\"deployments\",\"security_groups\":"
			+ "[{\"security_group_id\":\"03b46bce-b0b7-42d3-992d-ddfb567106f0\",\"security_group_name\":\"sg-4a7d\"}]}";

	static final String POLICY_BODY_SHA256 = "c3f46ee1bbe2739bc417f1d089904375ada85af3a314e4018f2b8f12a79f9c07";

	static final String GROUPS_PATH = "/v3/" + PROJECT + "/vpc/security-groups";

	static final String GROUPS_QUERY = "limit=10&name=web%20sg%2F01%2A~%C3%A9%2Bx";

	private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer();

	/** One vector: the inputs and every value the file gives for them. */
	record Vector(String name, SigningRequest request, String canonicalRequest, String canonicalSha256,
			String signedHeaders, String signature) {

		String stringToSign() {
			return "SDK-HMAC-SHA256\n" + DATE + "\n" + canonicalSha256;
		}

		String authorization() {
			return "SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
		}

		@Override
		public String toString() {
			return name;
		}

	}

	static Stream<Vector> vectors() {
		return Stream.of(
				new Vector("1A PUT insert-security-groups, bare signer",
						new SigningRequest("PUT", VPC, PORT_PATH, Map.of(), variantA(), utf8(PORT_BODY)),
						lines("PUT", PORT_PATH + "/", "", "host:" + VPC, "x-sdk-date:" + DATE, "", "host;x-sdk-date",
								PORT_BODY_SHA256),
						"bb707399bf67a9f51aec7151c72459b4725245a82013dd0f3d3d0dbebe8d2c86", "host;x-sdk-date",
						"000854893270437e10aad209da31f874124526fd3d5c0e5c834265a8b5e91e51"),
				new Vector("1B PUT insert-security-groups, SDK headers",
						new SigningRequest("PUT", VPC, PORT_PATH, Map.of(), variantB(), utf8(PORT_BODY)),
						lines("PUT", PORT_PATH + "/", "", "host:" + VPC, "user-agent:" + USER_AGENT,
								"x-project-id:" + PROJECT, "x-sdk-date:" + DATE, "",
								"host;user-agent;x-project-id;x-sdk-date", PORT_BODY_SHA256),
						"9a18fbca42dcc82319cd51aa82dda5e961f0d466f1dba6257b528beb4467c88d",
						"host;user-agent;x-project-id;x-sdk-date",
						"b9e6cfe60a066eccf04cce0a9232db7f26ff9610cffb3322e208a302bc0375ad"),
				new Vector("1C PUT insert-security-groups, SDK headers + security token",
						new SigningRequest("PUT", VPC, PORT_PATH, Map.of(), variantC(), utf8(PORT_BODY)),
						lines("PUT", PORT_PATH + "/", "", "host:" + VPC, "user-agent:" + USER_AGENT,
								"x-project-id:" + PROJECT, "x-sdk-date:" + DATE, "x-security-token:" + TOKEN, "",
								"host;user-agent;x-project-id;x-sdk-date;x-security-token", PORT_BODY_SHA256),
						"337c257eb1e3e2820ab78fb1a678b12c5ff421715cd2ca1d90180336ea708720",
						"host;user-agent;x-project-id;x-sdk-date;x-security-token",
						"ef25649dd7c9594d04de4f5190f98802efe690dc239f28b769ba68e437033bb4"),
				new Vector("2A POST HSS security-group-policy, bare signer",
						new SigningRequest("POST", HSS, POLICY_PATH, allGrantedEps(), variantA(), utf8(POLICY_BODY)),
						lines("POST", POLICY_PATH + "/", "enterprise_project_id=all_granted_eps", "host:" + HSS,
								"x-sdk-date:" + DATE, "", "host;x-sdk-date", POLICY_BODY_SHA256),
						"b6274a9462a00025eec7eb9863f16bf905c61d5e0cf4297085cbfef3545269ad", "host;x-sdk-date",
						"98f77749c8a81692a7bc746c93a720f8c9b919a1940436cfb3e493322cff59d0"),
				new Vector("2B POST HSS security-group-policy, SDK headers",
						new SigningRequest("POST", HSS, POLICY_PATH, allGrantedEps(), variantB(), utf8(POLICY_BODY)),
						lines("POST", POLICY_PATH + "/", "enterprise_project_id=all_granted_eps", "host:" + HSS,
								"user-agent:" + USER_AGENT, "x-project-id:" + PROJECT, "x-sdk-date:" + DATE, "",
								"host;user-agent;x-project-id;x-sdk-date", POLICY_BODY_SHA256),
						"d89b52921da0bc99d1766fd21e1c53ef21daffa5ebb5e1746f3b1310e4306c8d",
						"host;user-agent;x-project-id;x-sdk-date",
						"a0fc0cde37ed3bb8b463461dde2db673d2db6f8f3035499b4f2eb742a86f1f8b"),
				new Vector("3A GET security-groups with encoded query, bare signer",
						new SigningRequest("GET", VPC, GROUPS_PATH, groupsQuery(), variantA(), new byte[0]),
						lines("GET", GROUPS_PATH + "/", GROUPS_QUERY, "host:" + VPC, "x-sdk-date:" + DATE, "",
								"host;x-sdk-date", EMPTY_SHA256),
						"d37f5f16ce4de77b927242816849e2aa85dca67b2c33938d3d83e850ddf6ddc3", "host;x-sdk-date",
						"c0118de55fdd76366c09aec49b321dfbc356b7874afe99e94ac50c9dffec39ce"),
				new Vector("3B GET security-groups with encoded query, SDK headers",
						new SigningRequest("GET", VPC, GROUPS_PATH, groupsQuery(), variantB(), new byte[0]),
						lines("GET", GROUPS_PATH + "/", GROUPS_QUERY, "host:" + VPC, "user-agent:" + USER_AGENT,
								"x-project-id:" + PROJECT, "x-sdk-date:" + DATE, "",
								"host;user-agent;x-project-id;x-sdk-date", EMPTY_SHA256),
						"d4cabb5f4f42a5877505d9b2dd6783d28fa399f43ddb4da03d3247490b8f8f04",
						"host;user-agent;x-project-id;x-sdk-date",
						"1c8a4daf5a40c1c9b13a7329bee820db0df8f53aaa05a405dafbe7c60e3b11d5"),
				new Vector("EDGE underscore, padding, multi-value, empty value, case order, trailing slash",
						new SigningRequest("GET", VPC, "/v3/" + PROJECT + "/edge/", edgeQuery(), edgeHeaders(),
								new byte[0]),
						lines("GET", "/v3/" + PROJECT + "/edge/", "Limit=5&marker=&tag=b&tag=a", "host:" + VPC,
								"x-custom:  padded value  ", "x-sdk-date:" + DATE, "", "host;x-custom;x-sdk-date",
								EMPTY_SHA256),
						"aedc9f0e9cab704c745871c84cd9322756ef45d3fbf94a0ef500d9167b8f426e", "host;x-custom;x-sdk-date",
						"68e490449bc644b0a4bfa61795a4cf723c90199f96398dbdfd5acfbed57ef31b"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesCanonicalRequestOfVector(Vector vector) {
		String canonical = signer.canonicalRequest(vector.request(), DATE);

		assertThat(canonical).isEqualTo(vector.canonicalRequest());
		assertThat(SdkSigning.sha256Hex(utf8(canonical))).isEqualTo(vector.canonicalSha256());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesStringToSignOfVector(Vector vector) {
		assertThat(SdkHmacSha256Signer.stringToSign(DATE, vector.canonicalRequest())).isEqualTo(vector.stringToSign());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void reproducesSignatureAndAuthorizationOfVector(Vector vector) {
		Signature signature = signer.sign(vector.request(), AK, SK, DATE);

		assertThat(SdkSigning.hmacSha256Hex(SK, vector.stringToSign())).isEqualTo(vector.signature());
		assertThat(signature.authorization()).isEqualTo(vector.authorization());
		assertThat(String.join(";", signature.signedHeaders())).isEqualTo(vector.signedHeaders());
		assertThat(signature.sdkDate()).isEqualTo(DATE);
	}

	@Test
	void reproducesHuaweisPublishedDocExampleWhichAlsoSignsContentType() {
		Map<String, String> signedHeaders = new TreeMap<>(Map.of("content-type", "application/json", "host",
				"service.region.example.com", "x-sdk-date", "20191115T033655Z"));
		String canonical = SdkSigning.canonicalRequest("GET", SdkSigning.canonicalUri(DocExample.PATH),
				SdkSigning.canonicalQuery(DocExample.query()), signedHeaders, SdkSigning.sha256Hex(new byte[0]));

		assertThat(canonical).isEqualTo(lines("GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
				"limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", "content-type:application/json",
				"host:service.region.example.com", "x-sdk-date:20191115T033655Z", "", "content-type;host;x-sdk-date",
				EMPTY_SHA256));
		assertThat(SdkSigning.sha256Hex(utf8(canonical)))
			.isEqualTo("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
		String stringToSign = SdkHmacSha256Signer.stringToSign("20191115T033655Z", canonical);
		assertThat(stringToSign).isEqualTo(
				"SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
		assertThat(SdkSigning.hmacSha256Hex(SK, stringToSign)).isEqualTo(DocExample.SIGNATURE);
	}

	@Test
	void neverSignsContentTypeUnlikeTheDocExample() {
		Signature signature = signer.sign(DocExample.request(), AK, SK, "20191115T033655Z");

		assertThat(signature.signedHeaders()).containsExactly("host", "x-sdk-date");
	}

	@Test
	void signsHostAndDateWhenTheHeadersHoldNeither() {
		SigningRequest request = new SigningRequest("PUT", VPC, PORT_PATH, Map.of(), Map.of(), utf8(PORT_BODY));

		assertThat(signer.sign(request, AK, SK, DATE).authorization()).endsWith(
				"SignedHeaders=host;x-sdk-date, Signature=000854893270437e10aad209da31f874124526fd3d5c0e5c834265a8b5e91e51");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			web sg/01*~é+x        | web%20sg%2F01%2A~%C3%A9%2Bx
			AZaz09-_.~            | AZaz09-_.~
			a=b&c                 | a%3Db%26c
			%41                   | %2541
			'€ 😀'                | %E2%82%AC%20%F0%9F%98%80
			''                    | ''
			""")
	void encodesLikeRfc3986(String decoded, String encoded) {
		assertThat(SdkSigning.encode(decoded)).isEqualTo(encoded);
	}

	@Test
	void emptyQueryIsAnEmptyLine() {
		SigningRequest request = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(), Map.of(), new byte[0]);

		assertThat(signer.canonicalRequest(request, DATE).split("\n", -1)[2]).isEmpty();
	}

	@Test
	void aNameWithoutValuesIsSignedAsNameEquals() {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("b", List.of());
		query.put("a", List.of("1", ""));

		assertThat(SdkSigning.canonicalQuery(query)).isEqualTo("a=1&a=&b=");
	}

	@Test
	void leavesOutContentTypeAndUnderscoreNamesInAnyCase() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("CONTENT-type", "application/json; charset=utf-8");
		headers.put("x_under_score", "dropped");
		headers.put("X-Auth_Extra", "dropped");
		headers.put("X-Custom", "kept");
		SigningRequest request = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(), headers, new byte[0]);

		assertThat(signer.sign(request, AK, SK, DATE).signedHeaders()).containsExactly("host", "x-custom",
				"x-sdk-date");
	}

	@Test
	void formatsSdkDateInUtcFromAFixedClock() {
		Clock clock = Clock.fixed(Instant.parse("2025-12-01T08:30:15.987Z"), ZoneId.of("Asia/Shanghai"));

		assertThat(SdkHmacSha256Signer.sdkDate(clock)).isEqualTo(DATE);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                          | /
			/                           | /
			//                          | /
			/v3/a/                      | /v3/a/
			/v3//a                      | /v3//a/
			/v3/a%7Eb/c*d               | /v3/a~b/c%2Ad/
			/v3/a~b/c%2ad               | /v3/a~b/c%2Ad/
			/v3/%e2%82%ac/%E2%82%AC     | /v3/%E2%82%AC/%E2%82%AC/
			/v3/web%20sg/a+b            | /v3/web%20sg/a%2Bb/
			/v3/a%2Fb                   | /v3/a/b/
			/v3/%25                     | /v3/%25/
			""")
	void canonicalUriReEncodesTheDecodedPathWithTrailingSlash(String rawPath, String canonicalUri) {
		assertThat(SdkSigning.canonicalUri(rawPath)).isEqualTo(canonicalUri);
	}

	@ParameterizedTest
	@CsvSource({ "/v3/%zz", "/v3/%4", "/v3/a?limit=10", "v3/a", "/v3/a#x" })
	void refusesAPathThatIsNotAnEncodedAbsolutePath(String rawPath) {
		SigningRequest request = new SigningRequest("GET", VPC, rawPath, Map.of(), Map.of(), new byte[0]);

		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(request, AK, SK, DATE));
	}

	@Test
	void usesXSdkContentSha256InsteadOfTheBodyHash() {
		SigningRequest request = new SigningRequest("PUT", VPC, PORT_PATH, Map.of(),
				Map.of("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"), utf8(PORT_BODY));

		assertThat(signer.canonicalRequest(request, DATE))
			.endsWith("\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD");
	}

	@Test
	void refusesHostOrDateHeadersThatDifferFromWhatIsSigned() {
		SigningRequest otherHost = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(), Map.of("Host", HSS),
				new byte[0]);
		SigningRequest otherDate = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(),
				Map.of("X-Sdk-Date", "20251201T083016Z"), new byte[0]);

		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(otherHost, AK, SK, DATE));
		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(otherDate, AK, SK, DATE));
	}

	@Test
	void refusesAHeaderGivenTwiceInDifferentCase() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Custom", "a");
		headers.put("x-custom", "b");
		SigningRequest request = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(), headers, new byte[0]);

		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(request, AK, SK, DATE));
	}

	@ParameterizedTest
	@CsvSource({ "2025-12-01T08:30:15Z", "20251201T083015", "20251301T083015Z", "20251201t083015z" })
	void refusesAMalformedSdkDateWithoutRevealingTheSecret(String sdkDate) {
		SigningRequest request = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(), Map.of(), new byte[0]);

		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(request, AK, SK, sdkDate))
			.withMessageNotContaining(SK);
	}

	@Test
	void refusesAMissingKey() {
		SigningRequest request = new SigningRequest("GET", VPC, GROUPS_PATH, Map.of(), Map.of(), new byte[0]);

		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(request, AK, "", DATE));
		assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(request, null, SK, DATE));
	}

	@Test
	void toStringRevealsNeitherSignatureNorSecurityToken() {
		SigningRequest request = new SigningRequest("PUT", VPC, PORT_PATH, Map.of(), variantC(), utf8(PORT_BODY));
		Signature signature = signer.sign(request, AK, SK, DATE);

		assertThat(signature.toString())
			.doesNotContain("ef25649dd7c9594d04de4f5190f98802efe690dc239f28b769ba68e437033bb4")
			.contains(DATE);
		assertThat(request.toString()).doesNotContain(TOKEN).doesNotContain("security_groups");
	}

	@Test
	void signsConcurrentlyWithoutInterference() {
		Vector vector = vectors().findFirst().orElseThrow();

		List<String> authorizations = IntStream.range(0, 200)
			.parallel()
			.mapToObj(i -> signer.sign(vector.request(), AK, SK, DATE).authorization())
			.distinct()
			.toList();

		assertThat(authorizations).containsExactly(vector.authorization());
	}

	/** Huawei's published example (devg-apisign api-sign-algorithm-002). */
	static final class DocExample {

		static final String HOST = "service.region.example.com";

		static final String PATH = "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs";

		static final String SIGNATURE = "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe";

		static Map<String, List<String>> query() {
			Map<String, List<String>> query = new LinkedHashMap<>();
			query.put("limit", List.of("2"));
			query.put("marker", List.of("13551d6b-755d-4757-b956-536f674975c0"));
			return query;
		}

		static SigningRequest request() {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("Host", HOST);
			headers.put("X-Sdk-Date", "20191115T033655Z");
			return new SigningRequest("GET", HOST, PATH, query(), headers, new byte[0]);
		}

	}

	static Map<String, String> variantA() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("X-Sdk-Date", DATE);
		return headers;
	}

	static Map<String, String> variantB() {
		Map<String, String> headers = variantA();
		headers.put("User-Agent", USER_AGENT);
		headers.put("X-Project-Id", PROJECT);
		return headers;
	}

	static Map<String, String> variantC() {
		Map<String, String> headers = variantB();
		headers.put("X-Security-Token", TOKEN);
		return headers;
	}

	static Map<String, List<String>> allGrantedEps() {
		return Map.of("enterprise_project_id", List.of("all_granted_eps"));
	}

	static Map<String, List<String>> groupsQuery() {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("limit", List.of("10"));
		query.put("name", List.of("web sg/01*~é+x"));
		return query;
	}

	static Map<String, List<String>> edgeQuery() {
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("tag", List.of("b", "a"));
		query.put("marker", List.of(""));
		query.put("Limit", List.of("5"));
		return query;
	}

	static Map<String, String> edgeHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Sdk-Date", DATE);
		headers.put("X_Under_Score", "dropped");
		headers.put("X-Custom", "  padded value  ");
		headers.put("Content-Type", "application/json");
		return headers;
	}

	static String lines(String... lines) {
		return String.join("\n", lines);
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
