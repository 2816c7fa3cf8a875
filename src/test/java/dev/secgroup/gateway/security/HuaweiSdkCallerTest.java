package dev.secgroup.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.huaweicloud.sdk.core.ClientBuilder;
import com.huaweicloud.sdk.core.HcClient;
import com.huaweicloud.sdk.core.SdkResponse;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.ServerResponseException;
import com.huaweicloud.sdk.core.http.FieldExistence;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequestDef;
import com.huaweicloud.sdk.core.http.LocationType;
import com.huaweicloud.sdk.vpc.v3.VpcClient;
import com.huaweicloud.sdk.vpc.v3.model.AddSecurityGroupsRequest;
import com.huaweicloud.sdk.vpc.v3.model.AddSecurityGroupsRequestBody;
import com.huaweicloud.sdk.vpc.v3.model.AddSecurityGroupsResponse;
import com.huaweicloud.sdk.vpc.v3.model.InsertSecurityGroupOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;
import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.WireMockRequests;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Huawei Cloud Java SDK ({@code huaweicloud-sdk-vpc} 3.1.170 from Maven
 * Central, unmodified) calling the gateway in {@code aksk} mode, with AK/SK pairs the
 * gateway issued, endpoint overridden and no region: what the SDK returns or raises, and
 * what reached upstream (the gateway's own signature, never the caller's).
 * <p>
 * HSS has no SDK with CreateSecurityGroupPolicy on Maven Central (huaweicloud-sdk-hss
 * stops at 3.1.130): its POST is driven through the SDK core's generic
 * {@link HttpRequestDef}, the way the generated clients define their operations.
 */
@TestPropertySource(properties = { "gateway.security.mode=aksk",
		"gateway.security.allow-unauthenticated-outside-local=false", "gateway.security.clients[0].name=team-sdk",
		"gateway.security.clients[0].access-key=" + HuaweiSdkCallerTest.AK,
		"gateway.security.clients[0].secret-key=" + HuaweiSdkCallerTest.SK,
		"gateway.security.clients[0].projects[0]=" + GatewayTestSupport.PROJECT,
		"gateway.security.clients[0].operations[0]=vpc:AddSecurityGroups",
		"gateway.security.clients[0].operations[1]=hss:CreateSecurityGroupPolicy",
		"gateway.security.clients[1].name=team-hss-only",
		"gateway.security.clients[1].access-key=" + HuaweiSdkCallerTest.HSS_ONLY_AK,
		"gateway.security.clients[1].secret-key=" + HuaweiSdkCallerTest.SK, "gateway.security.clients[1].projects[0]=*",
		"gateway.security.clients[1].operations[0]=hss:CreateSecurityGroupPolicy" })
@ExtendWith(OutputCaptureExtension.class)
class HuaweiSdkCallerTest extends GatewayTestSupport {

	static final String AK = "GWTEAMSDKACCESSKEY01";

	static final String HSS_ONLY_AK = "GWTEAMHSSACCESSKEY01";

	static final String SK = "gateway-issued-secret-key-0123456789abcdef";

	/** What test.yaml gives the gateway itself for upstream (gateway.credentials). */
	private static final String GATEWAY_AK = "TESTACCESSKEY0000001";

	private static final String GATEWAY_SK = "test-secret-key-not-a-real-one";

	private static final String VPC_UPSTREAM = "/vpc" + VPC_PATH;

	private static final String HSS_UPSTREAM = "/hss" + HSS_PATH;

	private static final String[] SECURITY_GROUPS = { "8edd3747-ccd4-49a1-82b9-a165eec314b4",
			"6c2d4540-3b7d-4207-a319-a7231b439995" };

	@Test
	void addSecurityGroupsWithTheDocumentExample() throws IOException {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "458691c0-7db2-43d8-9400-053800c5ff53")
				.withBody(exampleResponse())));

		AddSecurityGroupsResponse response = vpc(AK, SK).addSecurityGroups(documentExample());

		assertThat(response.getHttpStatusCode()).isEqualTo(200);
		assertThat(response.getRequestId()).isEqualTo("458691c0-7db2-43d8-9400-053800c5ff53");
		assertThat(response.getPort().getId()).isEqualTo(PORT_ID);
		assertThat(response.getPort().getSecurityGroups()).containsExactly("567be4e3-d171-46ce-9e8a-c15e91cfe86a",
				SECURITY_GROUPS[0], SECURITY_GROUPS[1], "4940b983-5992-4663-bed9-d1d1e15d1009");
		upstream.verify(1, putRequestedFor(urlEqualTo(VPC_UPSTREAM)).withRequestBody(equalToJson(VPC_BODY)));
		assertSignedByTheGatewayNotTheCaller(upstream.getAllServeEvents().get(0).getRequest());
	}

	@Test
	void dryRunIsTheSdksViewOf202() {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"request_id\":\"dry-run-request-0001\"}")));
		// 3.1.170's model has no dry_run: a caller adds the member in a subclass of the
		// body.
		DryRunBody body = new DryRunBody();
		body.withPort(new InsertSecurityGroupOption().withSecurityGroups(List.of(SECURITY_GROUPS)));

		AddSecurityGroupsResponse response = vpc(AK, SK)
			.addSecurityGroups(new AddSecurityGroupsRequest().withPortId(PORT_ID).withBody(body));

		assertThat(response.getHttpStatusCode()).isEqualTo(202);
		assertThat(response.getRequestId()).isEqualTo("dry-run-request-0001");
		assertThat(response.getPort()).isNull();
		upstream.verify(1,
				putRequestedFor(urlEqualTo(VPC_UPSTREAM))
					.withRequestBody(equalToJson("{\"port\":{\"security_groups\":[\""
							+ String.join("\",\"", SECURITY_GROUPS) + "\"]},\"dry_run\":true}")));
	}

	@Test
	void upstream404ReachesTheSdkWithCodeMessageAndRequestId() {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "vpc-upstream-request-404")
				.withBody("{\"error_code\":\"VPC.0114\",\"error_msg\":\"Port " + PORT_ID + " not found.\"}")));

		ClientRequestException error = catchThrowableOfType(ClientRequestException.class,
				() -> vpc(AK, SK).addSecurityGroups(documentExample()));

		assertThat(error.getHttpStatusCode()).isEqualTo(404);
		assertThat(error.getErrorCode()).isEqualTo("VPC.0114");
		assertThat(error.getErrorMsg()).isEqualTo("Port " + PORT_ID + " not found.");
		// The gateway's own request id, which its logs and audit trail carry.
		assertThat(error.getRequestId()).isNotBlank().isNotEqualTo("vpc-upstream-request-404");
	}

	@Test
	void aValidationErrorIsReadableAndNamesTheField() {
		AddSecurityGroupsRequest request = new AddSecurityGroupsRequest().withPortId(PORT_ID)
			.withBody(new AddSecurityGroupsRequestBody()
				.withPort(new InsertSecurityGroupOption().withSecurityGroups(List.of("not a security group id!"))));

		ClientRequestException error = catchThrowableOfType(ClientRequestException.class,
				() -> vpc(AK, SK).addSecurityGroups(request));

		assertThat(error.getHttpStatusCode()).isEqualTo(400);
		assertThat(error.getErrorCode()).isEqualTo("GW.0400");
		assertThat(error.getErrorMsg()).contains("port.security_groups[0]");
		assertThat(error.getRequestId()).isNotBlank();
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aWrongSecretKeyIs401AndNothingGoesUpstream() {
		ClientRequestException error = catchThrowableOfType(ClientRequestException.class,
				() -> vpc(AK, SK.replace('0', '1')).addSecurityGroups(documentExample()));

		assertThat(error.getHttpStatusCode()).isEqualTo(401);
		assertThat(error.getErrorCode()).isEqualTo("APIGW.0301");
		assertThat(error.getErrorMsg()).isEqualTo("Incorrect IAM authentication information: signature mismatch");
		assertThat(error.getRequestId()).isNotBlank();
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anUnknownAccessKeyLooksExactlyLikeAWrongSecretKey() {
		ClientRequestException unknown = catchThrowableOfType(ClientRequestException.class,
				() -> vpc("GWUNKNOWNACCESSKEY01", SK).addSecurityGroups(documentExample()));

		assertThat(unknown.getHttpStatusCode()).isEqualTo(401);
		assertThat(unknown.getErrorCode()).isEqualTo("APIGW.0301");
		assertThat(unknown.getErrorMsg()).isEqualTo("Incorrect IAM authentication information: signature mismatch");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aClientOutsideItsGrantIs403AndNothingGoesUpstream() {
		ClientRequestException error = catchThrowableOfType(ClientRequestException.class,
				() -> vpc(HSS_ONLY_AK, SK).addSecurityGroups(documentExample()));

		assertThat(error.getHttpStatusCode()).isEqualTo(403);
		assertThat(error.getErrorCode()).isEqualTo("GW.0403");
		assertThat(error.getErrorMsg()).contains("team-hss-only", "vpc:AddSecurityGroups");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void upstream5xxIsAServerResponseException() {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(500)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error_code\":\"VPC.0001\",\"error_msg\":\"Internal error.\"}")));

		ServerResponseException error = catchThrowableOfType(ServerResponseException.class,
				() -> vpc(AK, SK).addSecurityGroups(documentExample()));

		assertThat(error.getHttpStatusCode()).isEqualTo(502);
		assertThat(error.getErrorCode()).isEqualTo("VPC.0001");
		assertThat(error.getErrorMsg()).isEqualTo("Internal error.");
		assertThat(error.getRequestId()).isNotBlank();
	}

	@Test
	void createSecurityGroupPolicyThroughTheSdkCoresGenericRequestDefinition() throws IOException {
		upstream.stubFor(WireMock.post(urlPathEqualTo(HSS_UPSTREAM)).willReturn(aResponse().withStatus(200)));
		PolicyRequest request = new PolicyRequest();
		request.clusterId = CLUSTER;
		request.namespace = "monitoring";
		request.enterpriseProjectId = "all_granted_eps";
		request.body = new ObjectMapper().readValue(HSS_BODY, Map.class);

		SdkResponse response = hss().syncInvokeHttp(request, PolicyRequest.DEFINITION);

		assertThat(response.getHttpStatusCode()).isEqualTo(200);
		upstream.verify(1, postRequestedFor(urlEqualTo(HSS_UPSTREAM + "?enterprise_project_id=all_granted_eps"))
			.withRequestBody(equalToJson(HSS_BODY)));
		assertSignedByTheGatewayNotTheCaller(upstream.getAllServeEvents().get(0).getRequest());
	}

	@Test
	void noSecretKeyNorTheCallersAuthorizationEverShows(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(404).withBody("{\"error_code\":\"VPC.0114\",\"error_msg\":\"no\"}")));
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		List<String> verbose = List.of("dev.secgroup", "org.springframework", "org.apache");
		verbose.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
		try {
			catchThrowableOfType(ClientRequestException.class, () -> vpc(AK, SK).addSecurityGroups(documentExample()));
			catchThrowableOfType(ClientRequestException.class,
					() -> vpc(AK, SK.replace('0', '1')).addSecurityGroups(documentExample()));
		}
		finally {
			verbose.forEach(logger -> logging.setLogLevel(logger, null));
		}

		assertThat(output.getAll()).contains("\"type\":\"audit\"")
			.doesNotContain(SK, SK.replace('0', '1'), GATEWAY_SK, "Access=" + AK);
	}

	/**
	 * Upstream got the gateway's own AK/SK signature over what it received, its own date
	 * and project header: never the caller's Authorization.
	 */
	private static void assertSignedByTheGatewayNotTheCaller(LoggedRequest sent) {
		assertThat(sent.getHeader("Authorization")).contains("Access=" + GATEWAY_AK).doesNotContain(AK);
		SdkHmacSha256Verifier gatewayKey = new SdkHmacSha256Verifier(
				ak -> GATEWAY_AK.equals(ak) ? Optional.of(GATEWAY_SK) : Optional.empty(), Clock.systemUTC());
		SdkHmacSha256Verifier.Verification verification = gatewayKey.verify(WireMockRequests.received(sent));
		assertThat(verification.ok()).as(verification.reason()).isTrue();
		assertThat(sent.getHeader("X-Project-Id")).isEqualTo(PROJECT);
	}

	private VpcClient vpc(String accessKey, String secretKey) {
		return VpcClient.newBuilder()
			.withHttpConfig(httpConfig())
			.withCredential(credentials(accessKey, secretKey))
			.withEndpoints(List.of("http://127.0.0.1:" + port))
			.build();
	}

	private HcClient hss() {
		return new ClientBuilder<>(Function.<HcClient>identity()).withHttpConfig(httpConfig())
			.withCredential(credentials(AK, SK))
			.withEndpoints(List.of("http://127.0.0.1:" + port))
			.build();
	}

	private static BasicCredentials credentials(String accessKey, String secretKey) {
		return new BasicCredentials().withAk(accessKey).withSk(secretKey).withProjectId(PROJECT);
	}

	private static HttpConfig httpConfig() {
		// A fixed User-Agent: the SDK's default one writes ~/.huaweicloud/application_id.
		return HttpConfig.getDefaultHttpConfig().withUserAgent("secgroup-gateway-test").withTimeout(30);
	}

	private static AddSecurityGroupsRequest documentExample() {
		return new AddSecurityGroupsRequest().withPortId(PORT_ID)
			.withBody(new AddSecurityGroupsRequestBody()
				.withPort(new InsertSecurityGroupOption().withSecurityGroups(List.of(SECURITY_GROUPS)).withIndex(1)));
	}

	private static String exampleResponse() throws IOException {
		try (InputStream in = HuaweiSdkCallerTest.class
			.getResourceAsStream("/examples/vpc-insert-security-groups-response.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The SDK's body with the {@code dry_run} member its 3.1.170 model lacks. */
	static final class DryRunBody extends AddSecurityGroupsRequestBody {

		@JsonProperty("dry_run")
		private final Boolean dryRun = Boolean.TRUE;

		public Boolean getDryRun() {
			return dryRun;
		}

	}

	/**
	 * HSS v5 CreateSecurityGroupPolicy as the generated clients define an operation:
	 * path, query and body fields of a request type, {@code {project_id}} filled from the
	 * credentials.
	 */
	public static final class PolicyRequest {

		static final HttpRequestDef<PolicyRequest, SdkResponse> DEFINITION = definition();

		String clusterId;

		String namespace;

		String enterpriseProjectId;

		/** The JSON body, as the SDK serialises its models. */
		Map<?, ?> body;

		private static HttpRequestDef<PolicyRequest, SdkResponse> definition() {
			HttpRequestDef.Builder<PolicyRequest, SdkResponse> builder = HttpRequestDef
				.builder(HttpMethod.POST, PolicyRequest.class, SdkResponse.class)
				.withName("CreateSecurityGroupPolicy")
				.withUri("/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy")
				.withContentType("application/json");
			builder.<String>withRequestField("cluster_id", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY,
					String.class, f -> f.withMarshaller(r -> r.clusterId, (r, v) -> r.clusterId = v));
			builder.<String>withRequestField("namespace", LocationType.Path, FieldExistence.NON_NULL_NON_EMPTY,
					String.class, f -> f.withMarshaller(r -> r.namespace, (r, v) -> r.namespace = v));
			builder.<String>withRequestField("enterprise_project_id", LocationType.Query, FieldExistence.NULL_IGNORE,
					String.class,
					f -> f.withMarshaller(r -> r.enterpriseProjectId, (r, v) -> r.enterpriseProjectId = v));
			builder.<Map>withRequestField("body", LocationType.Body, FieldExistence.NON_NULL_NON_EMPTY, Map.class,
					f -> f.withMarshaller(r -> r.body, (r, v) -> r.body = v));
			return builder.build();
		}

	}

}
