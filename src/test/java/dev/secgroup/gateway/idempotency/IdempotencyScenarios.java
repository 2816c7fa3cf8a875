package dev.secgroup.gateway.idempotency;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a caller sees with {@code Idempotency-Key}, against a running gateway and a
 * WireMock upstream; run once per store (memory, Redis). Each test uses fresh keys.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class IdempotencyScenarios extends SecuredGatewayTestSupport {

	static final String VPC_UPSTREAM = "/vpc" + VPC_PATH;

	static final String HSS_UPSTREAM = "/hss" + HSS_PATH;

	/** An answer over gateway.idempotency.max-stored-body-size (64 KB by default). */
	static final String LARGE_PORT_ANSWER = "{\"port\":{\"id\":\"99fd0c77-56b4-4bf6-8365-df352e45d5fc\","
			+ "\"description\":\"" + "d".repeat(70_000) + "\"}}";

	static final String PORT_ANSWER = """
			{"port":{"id":"99fd0c77-56b4-4bf6-8365-df352e45d5fc","security_groups":["a","b"],"binding:vif_details":{}}}""";

	@Autowired
	MeterRegistry meters;

	final String key = UUID.randomUUID().toString();

	@Test
	void sequentialRetryGetsTheSameBytesAndTheReplayHeaderWithOneUpstreamCall() {
		stubVpc(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json;charset=UTF-8")
			.withHeader("X-Request-Id", "vpc-req-1")
			.withBody(PORT_ANSWER));
		double replays = count("vpc:AddSecurityGroups", "replayed");

		HttpResponse<String> first = vpc(KEY_B, VPC_BODY, "\"" + key + "\"");
		HttpResponse<String> retry = vpc(KEY_B, VPC_BODY, "\"" + key + "\"");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body()).isEqualTo(PORT_ANSWER);
		assertThat(retry.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
		assertThat(retry.headers().firstValue("X-Upstream-Request-Id")).hasValue("vpc-req-1");
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
		assertThat(count("vpc:AddSecurityGroups", "replayed")).isEqualTo(replays + 1);
	}

	@Test
	void theAuditEventOfAReplaySaysSoAndNamesTheOriginalRequest(CapturedOutput output) {
		stubVpc(jsonAnswer("vpc-req-2", PORT_ANSWER));

		HttpResponse<String> first = vpc(KEY_B, VPC_BODY, key);
		HttpResponse<String> retry = vpc(KEY_B, VPC_BODY, key);

		String firstId = first.headers().firstValue("X-Request-Id").orElseThrow();
		String retryId = retry.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode original = await().atMost(Duration.ofSeconds(10))
			.until(() -> AuditLines.of(output, firstId), events -> events.size() == 1)
			.get(0);
		JsonNode replay = await().atMost(Duration.ofSeconds(10))
			.until(() -> AuditLines.of(output, retryId), events -> events.size() == 1)
			.get(0);
		assertThat(original.path("replayed").asBoolean()).isFalse();
		assertThat(original.path("attempts").asInt()).isEqualTo(1);
		assertThat(replay.path("replayed").asBoolean()).isTrue();
		assertThat(replay.path("original_request_id").asString()).isEqualTo(firstId);
		assertThat(replay.path("status").asInt()).isEqualTo(200);
		assertThat(replay.path("attempts").asInt()).isZero();
		assertThat(replay.path("upstream_status").isNull()).isTrue();
		assertThat(replay.path("client").asString()).isEqualTo("team-b");
	}

	@Test
	void anAnswerOverTheSizeCapIsReplayedWithItsStatusAndWithoutItsBody() {
		stubVpc(jsonAnswer("vpc-req-large", LARGE_PORT_ANSWER));

		HttpResponse<String> first = vpc(KEY_B, VPC_BODY, key);
		HttpResponse<String> retry = vpc(KEY_B, VPC_BODY, key);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEqualTo(LARGE_PORT_ANSWER);
		assertThat(first.headers().firstValue(Idempotency.BODY_OMITTED_HEADER)).isEmpty();
		// The outcome is known, the body was not kept: the replay says so, with no body.
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		assertThat(retry.headers().firstValue(Idempotency.BODY_OMITTED_HEADER))
			.hasValue(Integer.toString(LARGE_PORT_ANSWER.length()));
		assertThat(retry.headers().firstValue("X-Upstream-Request-Id")).hasValue("vpc-req-large");
		assertThat(retry.headers().firstValue("Content-Type")).isEmpty();
		assertThat(retry.body()).isEmpty();
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	@Test
	void upstreamRefusalIsKeptAndReplayedWithTheFirstCallsRequestId() {
		stubHss(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "hss-req-1")
			.withBody("{\"error_code\":\"HSS.1005\",\"error_msg\":\"Cluster not found\"}"));

		HttpResponse<String> first = hss(KEY_B, HSS_BODY, key);
		HttpResponse<String> retry = hss(KEY_B, HSS_BODY, key);

		assertThat(first.statusCode()).isEqualTo(400);
		assertThat(parse(first.body()).path("error_code").asString()).isEqualTo("HSS.1005");
		assertThat(retry.statusCode()).isEqualTo(400);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
		assertThat(parse(retry.body()).path("request_id").asString())
			.isEqualTo(first.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
	}

	@Test
	void quotedAndUnquotedKeyAreTheSameKey() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));

		vpc(KEY_B, VPC_BODY, key);
		HttpResponse<String> retry = vpc(KEY_B, VPC_BODY, "\"" + key + "\"");

		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	@Test
	void memberOrderAndSpacingOfTheBodyDoNotMakeAnotherRequest() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));

		vpc(KEY_B, VPC_BODY, key);
		HttpResponse<String> retry = vpc(KEY_B,
				"{ \"port\" : { \"index\" : 1, \"security_groups\" : "
						+ "[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\", \"6c2d4540-3b7d-4207-a319-a7231b439995\"] } }",
				key);

		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
	}

	@Test
	void sameKeyWithAnotherBodyIs422AndNothingIsSent() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));
		vpc(KEY_B, VPC_BODY, key);
		double mismatches = count("vpc:AddSecurityGroups", "mismatch");

		HttpResponse<String> other = vpc(KEY_B, VPC_BODY.replace("\"index\":1", "\"index\":2"), key);

		assertThat(other.statusCode()).isEqualTo(422);
		JsonNode problem = parse(other.body());
		assertThat(problem.path("error_code").asString()).isEqualTo("GW.0422");
		assertThat(problem.path("status").asInt()).isEqualTo(422);
		assertThat(other.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
		assertThat(count("vpc:AddSecurityGroups", "mismatch")).isEqualTo(mismatches + 1);
	}

	@Test
	void twoClientsWithTheSameKeyNeverMeet() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));

		HttpResponse<String> a = vpc(KEY_A, VPC_BODY, key);
		HttpResponse<String> b = vpc(KEY_B, VPC_BODY, key);

		assertThat(a.statusCode()).isEqualTo(200);
		assertThat(b.statusCode()).isEqualTo(200);
		assertThat(b.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(2, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	@Test
	void retryWhileTheFirstCallRunsIs409WithRetryAfterAndTheFirstIsKept() {
		stubHss(aResponse().withStatus(200).withFixedDelay(1500));
		double conflicts = count("hss:CreateSecurityGroupPolicy", "conflict");

		CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> hss(KEY_B, HSS_BODY, key));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> upstream.findAll(postRequestedFor(urlPathEqualTo(HSS_UPSTREAM))).size() == 1);
		HttpResponse<String> concurrent = hss(KEY_B, HSS_BODY, key);

		assertThat(concurrent.statusCode()).isEqualTo(409);
		assertThat(concurrent.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(parse(concurrent.body()).path("error_code").asString()).isEqualTo("GW.0409");
		assertThat(first.join().statusCode()).isEqualTo(200);
		HttpResponse<String> after = hss(KEY_B, HSS_BODY, key);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
		assertThat(count("hss:CreateSecurityGroupPolicy", "conflict")).isEqualTo(conflicts + 1);
	}

	@Test
	void postTimeoutIsKeptAsUnknownOutcomeAndNeverSentAgain() {
		// Longer than the test profile's 2 s response timeout.
		stubHss(aResponse().withStatus(200).withFixedDelay(2500));

		HttpResponse<String> first = hss(KEY_B, HSS_BODY, key);
		HttpResponse<String> retry = hss(KEY_B, HSS_BODY, key);

		assertThat(first.statusCode()).isEqualTo(504);
		JsonNode problem = parse(first.body());
		assertThat(problem.path("error_code").asString()).isEqualTo("GW.0504");
		assertThat(problem.path("outcome").asString()).isEqualTo("unknown");
		assertThat(problem.path("error_msg").asString()).contains("outcome is unknown");
		assertThat(retry.statusCode()).isEqualTo(504);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
	}

	@Test
	void postConnectionResetAfterSendingIsKeptAsUnknownOutcome() {
		stubHss(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		HttpResponse<String> first = hss(KEY_B, HSS_BODY, key);
		HttpResponse<String> retry = hss(KEY_B, HSS_BODY, key);

		assertThat(first.statusCode()).isEqualTo(502);
		assertThat(parse(first.body()).path("outcome").asString()).isEqualTo("unknown");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).hasValue("true");
		upstream.verify(1, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
	}

	@Test
	void putTimeoutIsNotKeptSoTheRetryRuns() {
		// Every attempt of the first call times out (3 attempts), the retry's is
		// answered.
		String scenario = "put-" + key;
		for (int attempt = 0; attempt < 3; attempt++) {
			upstream.stubFor(WireMock.put(urlPathEqualTo(VPC_UPSTREAM))
				.inScenario(scenario)
				.whenScenarioStateIs(attempt == 0 ? Scenario.STARTED : "slow-" + attempt)
				.willSetStateTo("slow-" + (attempt + 1))
				.willReturn(aResponse().withStatus(200).withFixedDelay(2500)));
		}
		upstream.stubFor(WireMock.put(urlPathEqualTo(VPC_UPSTREAM))
			.inScenario(scenario)
			.whenScenarioStateIs("slow-3")
			.willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER)));

		HttpResponse<String> first = vpc(KEY_B, VPC_BODY, key);
		HttpResponse<String> retry = vpc(KEY_B, VPC_BODY, key);

		assertThat(first.statusCode()).isEqualTo(504);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(PORT_ANSWER);
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(4, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	@Test
	void openCircuitIsNotKeptSoTheRetryRuns() {
		stubHss(aResponse().withStatus(200));
		circuitBreakers.circuitBreaker("hss").transitionToOpenState();

		HttpResponse<String> refused = hss(KEY_B, HSS_BODY, key);
		circuitBreakers.circuitBreaker("hss").reset();
		HttpResponse<String> retry = hss(KEY_B, HSS_BODY, key);

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(1, postRequestedFor(urlPathEqualTo(HSS_UPSTREAM)));
	}

	@Test
	void upstreamThrottlingIsNotKeptSoTheRetryRuns() {
		String scenario = "throttled-" + key;
		upstream.stubFor(WireMock.post(urlPathEqualTo(HSS_UPSTREAM))
			.inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "1")
				.withBody("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}")));
		HttpResponse<String> throttled = hss(KEY_B, HSS_BODY, key);
		upstream.stubFor(WireMock.post(urlPathEqualTo(HSS_UPSTREAM))
			.inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(200)));

		// Every replica holds back for upstream's Retry-After: retries meanwhile are
		// refused (and not kept either), the first after it runs.
		HttpResponse<String> retry = await().atMost(Duration.ofSeconds(15))
			.until(() -> hss(KEY_B, HSS_BODY, key), response -> response.statusCode() != 429);

		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
	}

	@Test
	void invalidRequestIsNotKeptSoTheCorrectedRequestWithTheSameKeyRuns() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));

		HttpResponse<String> invalid = vpc(KEY_B, "{\"port\":{\"security_groups\":[]}}", key);
		HttpResponse<String> corrected = vpc(KEY_B, VPC_BODY, key);

		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(corrected.statusCode()).isEqualTo(200);
		assertThat(corrected.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(1, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	@Test
	void malformedKeyIs400NamingTheHeaderAndNothingIsSent() {
		HttpResponse<String> response = vpc(KEY_B, VPC_BODY, "\"unterminated");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode violation = parse(response.body()).path("violations").path(0);
		assertThat(violation.path("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(violation.path("message").asString()).contains("visible ASCII");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void callsWithoutAKeyAreNeverReplayed() {
		stubVpc(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(PORT_ANSWER));

		sendWithKey("PUT", VPC_PATH, KEY_B, VPC_BODY);
		HttpResponse<String> second = sendWithKey("PUT", VPC_PATH, KEY_B, VPC_BODY);

		assertThat(second.headers().firstValue(Idempotency.REPLAYED_HEADER)).isEmpty();
		upstream.verify(2, putRequestedFor(urlPathEqualTo(VPC_UPSTREAM)));
	}

	HttpResponse<String> vpc(String apiKey, String body, String idempotencyKey) {
		return sendWithKey("PUT", VPC_PATH, apiKey, body, IdempotencyKey.HEADER, idempotencyKey);
	}

	HttpResponse<String> hss(String apiKey, String body, String idempotencyKey) {
		return sendWithKey("POST", HSS_PATH, apiKey, body, IdempotencyKey.HEADER, idempotencyKey);
	}

	static void stubVpc(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		upstream.stubFor(WireMock.put(urlPathEqualTo(VPC_UPSTREAM)).willReturn(answer));
	}

	/** Upstream's 200 with a JSON body and its own request id. */
	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonAnswer(String upstreamRequestId,
			String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", upstreamRequestId)
			.withBody(body);
	}

	static void stubHss(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
		upstream.stubFor(WireMock.post(urlPathEqualTo(HSS_UPSTREAM)).willReturn(answer));
	}

	double count(String operation, String outcome) {
		return meters.get(IdempotencyMetrics.CALLS)
			.tag("operation", operation)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

}
