package dev.secgroup.gateway.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one audit event per call of a mirrored endpoint, for every outcome class of the
 * issue, each with the right members; read back from standard output as a log collector
 * would.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditEventTest extends SecuredGatewayTestSupport {

	private static final String VPC_UPSTREAM = "/vpc" + VPC_PATH;

	private static final String HSS_UPSTREAM = "/hss" + HSS_PATH;

	@Test
	void aSuccessfulCallIsRecordedWithEveryMember(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "upstream-id-1")
				.withBody("{}")));
		Instant before = Instant.now().minusMillis(1);

		String id = call("PUT", VPC_PATH, KEY_A, VPC_BODY, 200);

		JsonNode event = AuditLines.single(output, id);
		assertThat(event.propertyNames()).containsExactly("type", "schema", "time", "request_id", "client_request_id",
				"trace_id", "client", "source_address", "operation", "project_id", "target", "security_group_ids",
				"dry_run", "status", "upstream_status", "upstream_request_id", "error_code", "attempts", "latency_ms",
				"replayed", "original_request_id", "quota_wait_ms", "quota_outcome");
		assertThat(event.get("type").asString()).isEqualTo("audit");
		assertThat(event.get("schema").asInt()).isEqualTo(3);
		assertThat(event.get("client_request_id").asString()).isEqualTo(id);
		assertThat(event.get("request_id").asString()).isNotEqualTo(id);
		assertThat(event.get("quota_wait_ms").isNull()).as("VPC has no quota by default").isTrue();
		assertThat(event.get("quota_outcome").isNull()).isTrue();
		assertThat(event.get("replayed").asBoolean()).isFalse();
		assertThat(event.get("original_request_id").isNull()).isTrue();
		assertThat(Instant.parse(event.get("time").asString())).isBetween(before, Instant.now());
		assertThat(event.get("trace_id").asString()).matches("[0-9a-f]{32}");
		assertThat(event.get("client").asString()).isEqualTo("team-a");
		assertThat(event.get("source_address").asString()).isEqualTo("127.0.0.1");
		assertThat(event.get("operation").asString()).isEqualTo("vpc:AddSecurityGroups");
		assertThat(event.get("project_id").asString()).isEqualTo(PROJECT);
		assertThat(event.get("target").get("port_id").asString()).isEqualTo(PORT_ID);
		assertThat(event.get("security_group_ids").values()).extracting(JsonNode::asString)
			.containsExactly("8edd3747-ccd4-49a1-82b9-a165eec314b4", "6c2d4540-3b7d-4207-a319-a7231b439995");
		assertThat(event.get("dry_run").asBoolean()).isFalse();
		assertThat(event.get("status").asInt()).isEqualTo(200);
		assertThat(event.get("upstream_status").asInt()).isEqualTo(200);
		assertThat(event.get("upstream_request_id").asString()).isEqualTo("upstream-id-1");
		assertThat(event.get("error_code").isNull()).isTrue();
		assertThat(event.get("attempts").asInt()).isEqualTo(1);
		assertThat(event.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void anHssCallRecordsItsWorkloadAndPolicy(CapturedOutput output) {
		upstream.stubFor(WireMock.post(urlEqualTo(HSS_UPSTREAM)).willReturn(aResponse().withStatus(200)));

		String id = call("POST", HSS_PATH, KEY_B, HSS_BODY, 200);

		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("operation").asString()).isEqualTo("hss:CreateSecurityGroupPolicy");
		assertThat(event.get("client").asString()).isEqualTo("team-b");
		JsonNode target = event.get("target");
		assertThat(target.propertyNames()).containsExactly("cluster_id", "namespace", "workload_type", "workload_id",
				"workload_name", "policy_name");
		assertThat(target.get("cluster_id").asString()).isEqualTo(CLUSTER);
		assertThat(target.get("namespace").asString()).isEqualTo("monitoring");
		assertThat(target.get("workload_name").asString()).isEqualTo("kube-state-metrics");
		assertThat(target.get("policy_name").asString()).isEqualTo("ywk-test");
		assertThat(event.get("security_group_ids").get(0).asString()).isEqualTo("03b46bce-b0b7-42d3-992d-ddfb567106f0");
		assertThat(event.get("dry_run").isNull()).isTrue();
	}

	@Test
	void aDryRunIsRecordedAsOne(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM)).willReturn(aResponse().withStatus(202)));

		String id = call("PUT", VPC_PATH, KEY_A,
				"{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\"]},\"dry_run\":true}", 202);

		assertThat(AuditLines.single(output, id).get("dry_run").asBoolean()).isTrue();
	}

	@Test
	void anInvalidRequestIsRecordedAs400(CapturedOutput output) {
		String id = call("PUT", VPC_PATH, KEY_A, "{\"port\":{\"security_groups\":[],\"index\":-1}}", 400);

		JsonNode event = AuditLines.single(output, id);
		assertRefused(event, 400, "GW.0400");
		assertThat(event.get("client").asString()).isEqualTo("team-a");
		assertThat(event.get("security_group_ids").isNull()).isTrue();
	}

	@Test
	void anUnauthenticatedCallIsRecordedAs401WithoutAClient(CapturedOutput output) {
		String id = call("PUT", VPC_PATH, "not-a-key", VPC_BODY, 401);

		JsonNode event = AuditLines.single(output, id);
		assertRefused(event, 401, "GW.0401");
		assertThat(event.get("client").isNull()).isTrue();
		assertThat(event.get("project_id").asString()).isEqualTo(PROJECT);
		assertThat(event.get("target").get("port_id").asString()).isEqualTo(PORT_ID);
	}

	@Test
	void aCallOutsideItsGrantIsRecordedAs403WithTheClient(CapturedOutput output) {
		String id = call("POST", HSS_PATH, KEY_A, HSS_BODY, 403);

		JsonNode event = AuditLines.single(output, id);
		assertRefused(event, 403, "GW.0403");
		assertThat(event.get("client").asString()).isEqualTo("team-a");
		assertThat(event.get("operation").asString()).isEqualTo("hss:CreateSecurityGroupPolicy");
	}

	@Test
	void aDeclaredBodyOverTheLimitIsRecordedAs413BeforeAnyClientIsKnown(CapturedOutput output) {
		String big = "{\"port\":{\"security_groups\":[\"" + "a".repeat(70_000) + "\"]}}";

		String id = call("PUT", VPC_PATH, KEY_A, big, 413);

		// Refused on its declared length, before authentication (nothing read).
		JsonNode event = AuditLines.single(output, id);
		assertRefused(event, 413, "GW.0413");
		assertThat(event.get("client").isNull()).isTrue();
	}

	@Test
	void aChunkedBodyOverTheLimitIsRecordedAs413WithTheClient(CapturedOutput output) throws Exception {
		byte[] big = ("{\"port\":{\"security_groups\":[\"" + "a".repeat(70_000) + "\"]}}")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String id = UUID.randomUUID().toString();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + VPC_PATH))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", KEY_A)
			.header("X-Request-Id", id)
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		JsonNode event = AuditLines.single(output, id);
		assertRefused(event, 413, "GW.0413");
		assertThat(event.get("client").asString()).isEqualTo("team-a");
	}

	@Test
	void aWrongContentTypeIsRecordedAs415(CapturedOutput output) {
		String id = UUID.randomUUID().toString();

		HttpResponse<String> response = send("PUT", VPC_PATH, "text/plain", VPC_BODY, "X-Api-Key", KEY_A,
				"X-Request-Id", id);

		assertThat(response.statusCode()).isEqualTo(415);
		assertRefused(AuditLines.single(output, id), 415, "GW.0415");
	}

	@Test
	void anUpstream4xxIsRecordedWithUpstreamsStatusCodeAndRequestId(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(404)
				.withHeader("X-Request-Id", "upstream-404")
				.withBody("{\"error_msg\":\"Port not found\",\"error_code\":\"VPC.0114\"}")));

		String id = call("PUT", VPC_PATH, KEY_A, VPC_BODY, 404);

		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("status").asInt()).isEqualTo(404);
		assertThat(event.get("upstream_status").asInt()).isEqualTo(404);
		assertThat(event.get("upstream_request_id").asString()).isEqualTo("upstream-404");
		assertThat(event.get("error_code").asString()).isEqualTo("VPC.0114");
		assertThat(event.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void anUpstream5xxAfterRetriesIsRecordedAs502WithEveryAttempt(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(
					aResponse().withStatus(500).withBody("{\"error_msg\":\"internal\",\"error_code\":\"VPC.9999\"}")));

		String id = call("PUT", VPC_PATH, KEY_A, VPC_BODY, 502);

		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("upstream_status").asInt()).isEqualTo(500);
		assertThat(event.get("error_code").asString()).isEqualTo("VPC.9999");
		assertThat(event.get("attempts").asInt()).isEqualTo(3);
	}

	@Test
	void anUpstreamTimeoutIsRecordedAs504(CapturedOutput output) {
		upstream.stubFor(
				WireMock.post(urlEqualTo(HSS_UPSTREAM)).willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));

		String id = call("POST", HSS_PATH, KEY_B, HSS_BODY, 504);

		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("error_code").asString()).isEqualTo("GW.0504");
		assertThat(event.get("upstream_status").isNull()).isTrue();
		assertThat(event.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void anOpenCircuitIsRecordedAs503WithoutAnAttempt(CapturedOutput output) {
		circuitBreakers.circuitBreaker("vpc").transitionToOpenState();

		String id = call("PUT", VPC_PATH, KEY_A, VPC_BODY, 503);

		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("error_code").asString()).isEqualTo("GW.0503");
		assertThat(event.get("attempts").asInt()).isZero();
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aUrlRefusedByTheFirewallIsRecordedAs400(CapturedOutput output) {
		String id = call("PUT", "/v3/" + PROJECT + "/ports/..%2F..%2Fx/insert-security-groups", KEY_A, VPC_BODY, 400);

		JsonNode event = AuditLines.single(output, id);
		assertRefused(event, 400, "GW.0400");
		assertThat(event.get("target").get("port_id").asString()).isEqualTo("../../x");
	}

	@Test
	void aCallerThatHangsUpIsStillRecordedOnce(CapturedOutput output) throws Exception {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM))
			.willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(400)));
		String id = UUID.randomUUID().toString();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + VPC_PATH))
			.timeout(Duration.ofMillis(100))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", KEY_A)
			.header("X-Request-Id", id)
			.PUT(HttpRequest.BodyPublishers.ofString(VPC_BODY))
			.build();
		HttpClient impatient = HttpClient.newHttpClient();
		assertThatThrownBy(() -> impatient.send(request, HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(HttpTimeoutException.class);

		await().atMost(Duration.ofSeconds(10)).until(() -> !AuditLines.of(output, id).isEmpty());
		// Another call recorded after it: the one that hung up has not been recorded
		// twice meanwhile.
		call("PUT", VPC_PATH, KEY_A, VPC_BODY, 200);
		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("status").asInt()).isEqualTo(200);
		assertThat(event.get("upstream_status").asInt()).isEqualTo(200);
		assertThat(event.get("client").asString()).isEqualTo("team-a");
	}

	@Test
	void otherRequestsAreNotAudited(CapturedOutput output) {
		String id = UUID.randomUUID().toString();

		send("GET", "/actuator/health", null, null, "X-Request-Id", id);
		send("GET", VPC_PATH, null, null, "X-Api-Key", KEY_A, "X-Request-Id", id);

		assertThat(AuditLines.of(output, id)).isEmpty();
	}

	@Test
	void aCallerChosenRequestIdIsRecordedApartAndNeverBecomesTheGatewaysOwn(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM)).willReturn(aResponse().withStatus(200).withBody("{}")));
		// Security review A14: a caller reuses another call's id to frame it.
		String reused = "shared-id-" + UUID.randomUUID();

		HttpResponse<String> first = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, "X-Request-Id", reused);
		HttpResponse<String> second = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, "X-Request-Id", reused);

		String firstId = first.headers().firstValue("X-Request-Id").orElseThrow();
		String secondId = second.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(firstId).isNotEqualTo(reused).isNotEqualTo(secondId);
		assertThat(AuditLines.single(output, firstId).get("client_request_id").asString()).isEqualTo(reused);
		assertThat(AuditLines.single(output, secondId).get("client_request_id").asString()).isEqualTo(reused);
		assertThat(upstream.findAll(WireMock.putRequestedFor(urlEqualTo(VPC_UPSTREAM))))
			.extracting(request -> request.getHeader("X-Request-Id"))
			.containsExactly(firstId, secondId);
	}

	@Test
	void aMalformedCallerRequestIdIsNotRecorded(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo(VPC_UPSTREAM)).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, "X-Request-Id", "short id\"}");

		JsonNode event = AuditLines.single(output, response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(event.get("client_request_id").isNull()).isTrue();
	}

	/**
	 * Sends a call with a fresh caller request id, checks its status, returns that id
	 * (found in the audit event as {@code client_request_id}).
	 */
	private String call(String method, String path, String key, String body, int expectedStatus) {
		String id = UUID.randomUUID().toString();
		HttpResponse<String> response = sendWithKey(method, path, key, body, "X-Request-Id", id);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		String own = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(own).isNotEqualTo(id);
		return id;
	}

	private static void assertRefused(JsonNode event, int status, String errorCode) {
		assertThat(event.get("status").asInt()).isEqualTo(status);
		assertThat(event.get("error_code").asString()).isEqualTo(errorCode);
		assertThat(event.get("upstream_status").isNull()).isTrue();
		assertThat(event.get("attempts").asInt()).isZero();
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
