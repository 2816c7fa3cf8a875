package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.signing.SdkHmacSha256Signer;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway.security.mode=api-key,aksk}: a request is authenticated by whichever
 * credential it carries; an {@code SDK-HMAC-SHA256} signature is checked as Huawei's API
 * gateway checks it (date, signed headers, body as received), and the caller's signature,
 * date and project header never reach upstream.
 */
@TestPropertySource(properties = { "gateway.security.mode=api-key,aksk", "gateway.security.clients[3].name=team-sdk",
		"gateway.security.clients[3].access-key=" + AkSkAuthenticationTest.AK,
		"gateway.security.clients[3].secret-key=" + AkSkAuthenticationTest.SK,
		"gateway.security.clients[3].projects[0]=*",
		"gateway.security.clients[3].operations[0]=vpc:AddSecurityGroups" })
class AkSkAuthenticationTest extends SecuredGatewayTestSupport {

	static final String AK = "GWTEAMSDKACCESSKEY02";

	static final String SK = "another-gateway-issued-secret-key-0123456789";

	private static final String UPSTREAM = "/vpc" + VPC_PATH;

	private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer();

	@Test
	void aSignedRequestIsForwardedWithTheGatewaysOwnSignatureDateAndProject() {
		stubVpcOk();
		Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));

		HttpResponse<String> response = sendSigned(VPC_BODY, tenMinutesAgo, OTHER_PROJECT);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		LoggedRequest sent = upstream.getAllServeEvents().get(0).getRequest();
		assertThat(new String(sent.getBody(), StandardCharsets.UTF_8)).isEqualTo(VPC_BODY);
		assertThat(sent.getHeader("Authorization")).contains("Access=TESTACCESSKEY0000001").doesNotContain(AK);
		assertThat(sent.getHeader("X-Sdk-Date")).isNotEqualTo(sdkDate(tenMinutesAgo));
		assertThat(sent.getHeader("X-Project-Id")).isEqualTo(PROJECT);
	}

	@Test
	void anApiKeyStillAuthenticatesBesideSignatures() {
		stubVpcOk();

		assertThat(sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY).statusCode()).isEqualTo(200);
	}

	@Test
	void aRequestCarryingTwoKindsOfCredentialsIs401() {
		HttpResponse<String> response = sendSigned(VPC_BODY, Instant.now(), PROJECT, "X-Api-Key", KEY_A);

		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0401");
		assertThat(problem.get("error_msg").asString()).contains("2 kinds of credentials", "api-key", "aksk");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRequestWithoutCredentialsIsChallengedForEveryMode() {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, null, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch(value -> value.startsWith("ApiKey"))
			.anyMatch(value -> value.startsWith("SDK-HMAC-SHA256"));
		assertThat(parse(response.body()).get("error_msg").asString()).contains("X-Api-Key", "SDK-HMAC-SHA256");
	}

	@ParameterizedTest
	@ValueSource(longs = { -16, 16 })
	void aDateMoreThan15MinutesAwayIs401WithTheServerTime(long minutes) {
		HttpResponse<String> response = sendSigned(VPC_BODY, Instant.now().plus(Duration.ofMinutes(minutes)), PROJECT);

		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("APIGW.0303");
		assertThat(problem.get("error_msg").asString()).matches(".*server time \\d{8}T\\d{6}Z");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aBodyChangedAfterSigningIs401() {
		String tampered = VPC_BODY.replace("\"index\":1", "\"index\":2");

		HttpResponse<String> response = sendSigned(VPC_BODY, tampered, Instant.now(), PROJECT);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("APIGW.0301");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("SDK-HMAC-SHA256"));
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aSignedBodyOverTheLimitIs413BeforeAnyCheck() {
		String large = "{\"port\":{\"security_groups\":[\"" + "a".repeat(70_000) + "\"]}}";

		HttpResponse<String> response = sendSigned(large, Instant.now(), PROJECT);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0413");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aSignatureNotCoveringTheHostIs401() {
		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Sdk-Date",
				sdkDate(Instant.now()), "Authorization",
				"SDK-HMAC-SHA256 Access=" + AK + ", SignedHeaders=x-sdk-date, Signature=" + "0".repeat(64));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(parse(response.body()).get("error_msg").asString())
			.isEqualTo("Incorrect IAM authentication information: host is not a signed header");
	}

	private void stubVpcOk() {
		upstream.stubFor(WireMock.put(urlEqualTo(UPSTREAM))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"port\":{\"id\":\"" + PORT_ID + "\"},\"request_id\":\"r\"}")));
	}

	private HttpResponse<String> sendSigned(String body, Instant at, String projectHeader, String... extra) {
		return sendSigned(body, body, at, projectHeader, extra);
	}

	/**
	 * Signs {@code signedBody} as the SDK does (X-Project-Id and X-Sdk-Date signed) and
	 * sends {@code sentBody}.
	 */
	private HttpResponse<String> sendSigned(String signedBody, String sentBody, Instant at, String projectHeader,
			String... extra) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Project-Id", projectHeader);
		String date = sdkDate(at);
		SdkHmacSha256Signer.Signature signature = signer.sign(new SdkHmacSha256Signer.SigningRequest("PUT",
				"127.0.0.1:" + port, VPC_PATH, Map.of(), headers, signedBody.getBytes(StandardCharsets.UTF_8)), AK, SK,
				date);
		List<String> all = new ArrayList<>(
				List.of("X-Project-Id", projectHeader, "X-Sdk-Date", date, "Authorization", signature.authorization()));
		all.addAll(List.of(extra));
		return send("PUT", VPC_PATH, "application/json", sentBody, all.toArray(String[]::new));
	}

	private static String sdkDate(Instant at) {
		return SdkHmacSha256Signer.sdkDate(Clock.fixed(at, ZoneOffset.UTC));
	}

}
