package dev.secgroup.gateway.credentials;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.signing.SdkHmacSha256Signer;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;
import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.MutableClock;
import dev.secgroup.gateway.support.WireMockRequests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aksk} mode against WireMock upstreams: the signature each upstream received is
 * recomputed from what WireMock received (method, Host, raw path, query, headers, body)
 * with {@link SdkHmacSha256Verifier}, the simulator's and tests' independent check.
 * Temporary credentials here, so {@code X-Security-Token} is sent and signed.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "gateway.credentials.security-token=" + AkSkSigningTest.SECURITY_TOKEN)
class AkSkSigningTest extends GatewayTestSupport {

	static final String ACCESS_KEY = "TESTACCESSKEY0000001";

	static final String SECRET_KEY = "test-secret-key-not-a-real-one";

	static final String SECURITY_TOKEN = "temporary-security-token-0123456789";

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	private SdkHmacSha256Verifier verifier;

	@BeforeEach
	void verifierOnTheGatewaysClock() {
		verifier = new SdkHmacSha256Verifier(ak -> ACCESS_KEY.equals(ak) ? Optional.of(SECRET_KEY) : Optional.empty(),
				clock);
	}

	@Test
	void signsTheVpcPutOverExactlyWhatWasSent() {
		upstream.stubFor(
				WireMock.put(urlEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);

		LoggedRequest sent = single();
		assertThat(verifier.verify(WireMockRequests.received(sent)).ok()).isTrue();
		assertThat(sent.getHeader("Authorization")).startsWith("SDK-HMAC-SHA256 Access=" + ACCESS_KEY
				+ ", SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=");
		assertThat(sent.getHeader("X-Sdk-Date")).isEqualTo(SdkHmacSha256Signer.sdkDate(clock));
		assertThat(sent.getHeader("X-Project-Id")).isEqualTo(PROJECT);
		assertThat(sent.getHeader("X-Security-Token")).isEqualTo(SECURITY_TOKEN);
		assertThat(sent.getHeader("Host")).isEqualTo(java.net.URI.create(upstream.baseUrl()).getAuthority());
	}

	@Test
	void signsTheHssPostIncludingItsQuery() {
		upstream.stubFor(WireMock.post(urlPathEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));

		assertThat(post(HSS_PATH + "?enterprise_project_id=all_granted_eps", HSS_BODY).statusCode()).isEqualTo(200);

		LoggedRequest sent = single();
		var received = WireMockRequests.received(sent);
		assertThat(received.decodedQuery()).isEqualTo(Map.of("enterprise_project_id", List.of("all_granted_eps")));
		assertThat(verifier.verify(received).ok()).isTrue();
		// The query, the path and the body are covered: change any and the signature no
		// longer holds.
		assertThat(verifier
			.verify(new SdkHmacSha256Verifier.ReceivedRequest(received.method(), received.host(), received.rawPath(),
					Map.of("enterprise_project_id", List.of("0")), received.headers(), received.body()))
			.reason()).isEqualTo("signature mismatch");
		assertThat(verifier
			.verify(new SdkHmacSha256Verifier.ReceivedRequest(received.method(), received.host(),
					received.rawPath().replace("monitoring", "default"), received.decodedQuery(), received.headers(),
					received.body()))
			.reason()).isEqualTo("signature mismatch");
		assertThat(verifier
			.verify(new SdkHmacSha256Verifier.ReceivedRequest(received.method(), received.host(), received.rawPath(),
					received.decodedQuery(), received.headers(), "{}".getBytes()))
			.reason()).isEqualTo("signature mismatch");
	}

	@Test
	void signsOnlyHeadersTheHttpClientLeavesAlone() {
		upstream.stubFor(
				WireMock.put(urlEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

		put(VPC_PATH, VPC_BODY);

		String authorization = single().getHeader("Authorization");
		String signedHeaders = authorization.substring(authorization.indexOf("SignedHeaders=") + 14,
				authorization.indexOf(", Signature="));
		assertThat(signedHeaders.split(";")).containsExactly("host", "x-project-id", "x-sdk-date", "x-security-token")
			.doesNotContain("user-agent", "accept-encoding", "content-length", "content-type", "connection", "accept",
					"x-request-id");
	}

	@Test
	void takesTheDateFromTheClockForEveryCall() {
		upstream.stubFor(
				WireMock.put(urlEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));
		put(VPC_PATH, VPC_BODY);
		String first = single().getHeader("X-Sdk-Date");
		upstream.resetRequests();

		clock.advance(Duration.ofHours(3));
		put(VPC_PATH, VPC_BODY);

		String second = single().getHeader("X-Sdk-Date");
		assertThat(second).isEqualTo(SdkHmacSha256Signer.sdkDate(clock)).isNotEqualTo(first);
		assertThat(verifier.verify(WireMockRequests.received(single())).ok()).isTrue();
	}

	@Test
	void neverRetriesA401BecauseFailedSignaturesLockTheAccessKey() {
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "apig-req-1")
				.withBody("{\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature fail\","
						+ "\"error_code\":\"APIGW.0301\",\"request_id\":\"apig-req-1\"}")));
		double rejectedBefore = rejections();

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("APIGW.0301");
		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("apig-req-1");
		upstream.verify(1, WireMock.putRequestedFor(urlEqualTo("/vpc" + VPC_PATH)));
		assertThat(rejections()).isEqualTo(rejectedBefore + 1);
	}

	@Test
	void neverForwardsTheCallersOwnToken() {
		upstream.stubFor(
				WireMock.put(urlEqualTo("/vpc" + VPC_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

		send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Auth-Token", "callers-own-token");

		assertThat(single().containsHeader("X-Auth-Token")).isFalse();
	}

	private double rejections() {
		var counter = meters.find(CredentialsMetrics.REJECTIONS).tag("mode", "aksk").counter();
		return counter == null ? 0 : counter.count();
	}

	private static LoggedRequest single() {
		List<LoggedRequest> requests = upstream.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
