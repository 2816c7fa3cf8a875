package dev.secgroup.gateway.credentials;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.secgroup.gateway.upstream.UpstreamAuthenticator.OutgoingRequest;
import dev.secgroup.gateway.upstream.UpstreamRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code aksk} authenticator on its own: from an outgoing request as the adapter
 * hands it over it reproduces the SDK's variant-A vectors of
 * {@link SdkHmacSha256SignerTest} (no project, no security token:
 * {@code host;x-sdk-date}), and derives {@code Host} as HTTP clients send it.
 */
class AkSkAuthenticatorTest {

	private static final String AK = "QTWAOYTTINDUT2QVKYUC";

	private static final String SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

	private static final Clock VECTOR_DATE = Clock.fixed(Instant.parse("2025-12-01T08:30:15Z"), ZoneOffset.UTC);

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private final AkSkAuthenticator authenticator = new AkSkAuthenticator(AK, SK, null, VECTOR_DATE,
			new CredentialsMetrics(new SimpleMeterRegistry(), CredentialsMode.AKSK));

	static Stream<Arguments> vectors() {
		MultiValueMap<String, String> epsQuery = new LinkedMultiValueMap<>();
		epsQuery.add("enterprise_project_id", "all_granted_eps");
		MultiValueMap<String, String> listQuery = new LinkedMultiValueMap<>();
		listQuery.add("limit", "10");
		listQuery.add("name", "web sg/01*~é+x");
		return Stream.of(Arguments.of("1A", HttpMethod.PUT,
				"https://vpc.cn-north-4.myhuaweicloud.com/v3/" + PROJECT
						+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups",
				new LinkedMultiValueMap<>(),
				"{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\",\"6c2d4540-3b7d-4207-a319-a7231b439995\"],\"index\":1}}",
				"000854893270437e10aad209da31f874124526fd3d5c0e5c834265a8b5e91e51"),
				Arguments.of("2A", HttpMethod.POST, "https://hss.cn-north-4.myhuaweicloud.com/v5/" + PROJECT
						+ "/container-network/0b2b8e34-6f41-11ee-8c67-0255ac10004c/default/security-group-policy"
						+ "?enterprise_project_id=all_granted_eps", epsQuery,
						"{\"policy_name\":\"ywk-test\",\"workload_id\":\"27f3d7af-e947-4731-a3d2-8a561ae33069\",\"workload_name\":\"kube-state-metrics\",\"workload_type\":\"deployments\",\"security_groups\":[{\"security_group_id\":\"03b46bce-b0b7-42d3-992d-ddfb567106f0\",\"security_group_name\":\"sg-4a7d\"}]}",
						"98f77749c8a81692a7bc746c93a720f8c9b919a1940436cfb3e493322cff59d0"),
				// The wire form of the query (OkHttp's, here) does not matter: the
				// decoded values are signed.
				Arguments.of("3A", HttpMethod.GET,
						"https://vpc.cn-north-4.myhuaweicloud.com/v3/" + PROJECT
								+ "/vpc/security-groups?limit=10&name=web%20sg%2F01*%7E%C3%A9%2Bx",
						listQuery, "", "c0118de55fdd76366c09aec49b321dfbc356b7874afe99e94ac50c9dffec39ce"));
	}

	@ParameterizedTest(name = "vector {0}")
	@MethodSource("vectors")
	void reproducesTheSdkVectorsFromAnOutgoingRequest(String vector, HttpMethod method, String uri,
			MultiValueMap<String, String> query, String body, String signature) {
		UpstreamRequest request = UpstreamRequest.to("test", method, "/")
			.query(query)
			.body(body.getBytes(StandardCharsets.UTF_8))
			.idempotent(true)
			.build();

		HttpHeaders headers = authenticator
			.sign(new OutgoingRequest("vpc", method, URI.create(uri), request, new HttpHeaders()));

		assertThat(headers.getFirst("Authorization"))
			.isEqualTo("SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=host;x-sdk-date, Signature=" + signature);
		assertThat(headers.getFirst("X-Sdk-Date")).isEqualTo("20251201T083015Z");
		assertThat(headers.getFirst("Host")).isEqualTo(URI.create(uri).getHost());
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "https://vpc.example.com/v3, vpc.example.com", "https://vpc.example.com:443/v3, vpc.example.com",
			"https://vpc.example.com:8443/v3, vpc.example.com:8443", "http://127.0.0.1:8080/sim, 127.0.0.1:8080",
			"http://localhost:80/sim, localhost", "http://localhost:443/sim, localhost:443",
			"'http://[::1]:8080/sim', '[::1]:8080'" })
	void theHostIsTheAuthorityWithoutTheSchemesDefaultPort(String uri, String host) {
		assertThat(AkSkAuthenticator.hostHeader(URI.create(uri))).isEqualTo(host);
	}

}
