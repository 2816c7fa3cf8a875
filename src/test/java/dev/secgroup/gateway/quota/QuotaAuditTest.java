package dev.secgroup.gateway.quota;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What throttling did to a call is in its audit event ({@code quota_wait_ms},
 * {@code quota_outcome}); and an upstream without a quota of its own (VPC) is still held
 * back by every replica after it said 429, for its {@code Retry-After}.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "gateway.upstreams.hss.quota.requests=1", "gateway.upstreams.hss.quota.per=2s",
		"gateway.upstreams.hss.quota.max-wait=3s", "gateway.quotas.margin=0s",
		"gateway.upstreams.vpc.retry.deadline=4s", "gateway.upstreams.vpc.response-timeout=1s",
		"gateway.security.clients[3].name=team-d",
		"gateway.security.clients[3].api-key-sha256=" + QuotaAuditTest.KEY_D_SHA256,
		"gateway.security.clients[3].projects[0]=*", "gateway.security.clients[3].operations[0]=vpc:AddSecurityGroups",
		"gateway.security.clients[3].rate-limit.requests=1", "gateway.security.clients[3].rate-limit.per=1m" })
class QuotaAuditTest extends SecuredGatewayTestSupport {

	static final String KEY_D = "team-d-key-Pz4Lq8Wn2Xc6Vb1M";

	static final String KEY_D_SHA256 = "5f6c87ceffccd0015306118756bc028c31297fef9bdacc52e4b73f383ab97500";

	private static final String VPC_UPSTREAM = "/vpc/v3/.*";

	@Autowired
	QuotaStore store;

	@Autowired
	MeterRegistry meters;

	@Test
	void waitingAndRefusedCallsSayItInTheirAuditEvents(CapturedOutput output) {
		upstream.stubFor(WireMock.post(urlPathMatching("/hss/.*")).willReturn(aResponse().withStatus(200)));
		// Take a fresh window's only turn (another test may have spent one before).
		await().atMost(Duration.ofSeconds(10))
			.until(() -> store.reserve("hss", "probe", 1, Duration.ofSeconds(2), Duration.ZERO, 0).block().granted());
		// That turn was the probe's: the next call waits about one window.
		List<CompletableFuture<String>> calls = List.of(hssCall(), hssCall());

		List<JsonNode> events = calls.stream().map(CompletableFuture::join).map(id -> event(output, id)).toList();

		JsonNode waited = events.stream()
			.filter(event -> "waited".equals(event.get("quota_outcome").asString(null)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no call waited: " + events));
		assertThat(waited.get("status").asInt()).isEqualTo(200);
		assertThat(waited.get("quota_wait_ms").asLong()).isBetween(500L, 3_000L);
		JsonNode refused = events.stream().filter(event -> event != waited).findFirst().orElseThrow();
		assertThat(refused.get("status").asInt()).isEqualTo(429);
		assertThat(refused.get("quota_outcome").asString()).isEqualTo("refused_quota");
		assertThat(refused.get("quota_wait_ms").asLong()).as("refused at once").isLessThan(1_000L);
		assertThat(refused.get("attempts").asInt()).isZero();
	}

	@Test
	void aCallToAnUpstreamWithoutQuotaHasNoQuotaMembers(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlPathMatching(VPC_UPSTREAM)).willReturn(aResponse().withStatus(200)));

		JsonNode vpc = event(output, vpcCall(KEY_A).join());

		assertThat(vpc.get("quota_wait_ms").isNull()).isTrue();
		assertThat(vpc.get("quota_outcome").isNull()).isTrue();
	}

	@Test
	void aClientsOwnRateLimitIsRecordedAsItsOutcome(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlPathMatching(VPC_UPSTREAM)).willReturn(aResponse().withStatus(200)));

		JsonNode first = event(output, vpcCall(KEY_D).join());
		JsonNode second = event(output, vpcCall(KEY_D).join());

		assertThat(first.get("status").asInt()).isEqualTo(200);
		assertThat(first.get("quota_outcome").isNull()).isTrue();
		assertThat(second.get("status").asInt()).isEqualTo(429);
		assertThat(second.get("quota_outcome").asString()).isEqualTo("refused_client_limit");
		assertThat(second.get("attempts").asInt()).isZero();
	}

	@Test
	void anUpstreamWithoutQuotaIsHeldBackAfterItSaid429(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlPathMatching(VPC_UPSTREAM))
			.inScenario("throttle")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "2")
				.withHeader("Content-Type", "application/json")
				.withBody(
						"{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\"}"))
			.willSetStateTo("open"));
		upstream.stubFor(WireMock.put(urlPathMatching(VPC_UPSTREAM))
			.inScenario("throttle")
			.whenScenarioStateIs("open")
			.willReturn(aResponse().withStatus(200)));

		CompletableFuture<String> throttled = vpcCall(KEY_A);
		await().atMost(Duration.ofSeconds(10)).until(() -> !store.pausedFor("vpc").block().isZero());
		long pausedAt = upstream.getAllServeEvents().get(0).getRequest().getLoggedDate().getTime();
		String other = vpcCall(KEY_B).join();

		assertThat(event(output, throttled.join()).get("status").asInt()).as("retried after the pause").isEqualTo(200);
		JsonNode held = event(output, other);
		assertThat(held.get("status").asInt()).isEqualTo(200);
		assertThat(held.get("quota_outcome").asString()).isEqualTo("waited");
		List<Long> sent = upstream.findAll(putRequestedFor(urlPathMatching(VPC_UPSTREAM)))
			.stream()
			.map(request -> request.getLoggedDate().getTime())
			.sorted()
			.toList();
		assertThat(sent).hasSize(3);
		assertThat(sent.subList(1, 3)).as("nothing sent during the pause")
			.allSatisfy(at -> assertThat(at - pausedAt).isGreaterThanOrEqualTo(2_000L));
	}

	@Test
	void aPauseLongerThanACallMayWaitIsRefusedAtOnceWithoutCallingUpstream(CapturedOutput output) {
		// Far longer than the 3 s a call may wait (a 4 s deadline less a 1 s response
		// timeout), however slow the machine. The next test starts with fresh quotas.
		store.pause("vpc", Duration.ofSeconds(30)).block();

		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(20L, 30L);
		assertThat(response.headers().firstValue("RateLimit-Policy")).as("VPC publishes no quota").isEmpty();
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0429");
		JsonNode event = event(output, response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(event.get("quota_outcome").asString()).isEqualTo("refused_paused");
		upstream.verify(0, putRequestedFor(urlPathMatching(VPC_UPSTREAM)));
		assertThat(meters.get("gateway.quota.rejections").tags("limit", "vpc", "reason", "paused").counter().count())
			.isGreaterThanOrEqualTo(1);
	}

	private CompletableFuture<String> hssCall() {
		return CompletableFuture.supplyAsync(() -> requestId(sendWithKey("POST", HSS_PATH, KEY_B, HSS_BODY)));
	}

	private CompletableFuture<String> vpcCall(String key) {
		return CompletableFuture.supplyAsync(() -> requestId(sendWithKey("PUT", VPC_PATH, key, VPC_BODY)));
	}

	private static String requestId(HttpResponse<String> response) {
		return response.headers().firstValue("X-Request-Id").orElseThrow();
	}

	private static JsonNode event(CapturedOutput output, String requestId) {
		await().atMost(Duration.ofSeconds(5)).until(() -> !AuditLines.of(output, requestId).isEmpty());
		return AuditLines.single(output, requestId);
	}

}
