package dev.secgroup.gateway.quota;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.Replica;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The quota scenarios of issue 12, run against real replicas and one WireMock HSS: a
 * short quota (5 calls per 2 s, 3 s longest wait, 300 ms margin), two clients, at most 2
 * calls of a client waiting. Subclasses say how many replicas share which store; calls
 * are spread over the replicas in turn. Timing is read from WireMock's request log, and
 * each scenario starts once the previous one's window has passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuotaScenarios {

	static final int QUOTA = 5;

	static final Duration PER = Duration.ofSeconds(2);

	static final Duration MAX_WAIT = Duration.ofSeconds(5);

	/**
	 * Generous: on a loaded test machine a call may reach WireMock a second after its
	 * turn (the production default is 250 ms on a one-minute window).
	 */
	static final Duration MARGIN = Duration.ofMillis(1000);

	/** The replicas' HSS deadline. */
	static final Duration DEADLINE = Duration.ofSeconds(20);

	/** Time for a call that was sent to come back (a loaded CI machine included). */
	static final Duration ANSWER = Duration.ofSeconds(3);

	static final String HSS = "/hss/v5/.*";

	private static final Pattern POLICY = Pattern.compile("^\"hss\";q=(\\d+);w=(\\d+)$");

	private static final Pattern STATE = Pattern.compile("^\"hss\";r=(\\d+);t=(\\d+)$");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	final JsonMapper json = JsonMapper.builder().build();

	private final ExecutorService callers = Executors.newFixedThreadPool(40);

	List<Replica> replicas = List.of();

	private long quietAfter;

	/** Starts the replicas (called once the upstream runs). */
	abstract List<Replica> startReplicas(Map<String, String> common);

	QuotaScenarios() {
		upstream.start();
	}

	@BeforeEach
	void replicasAndAQuietWindow() {
		if (replicas.isEmpty()) {
			Map<String, String> common = new LinkedHashMap<>();
			common.put("gateway.upstreams.vpc.endpoint", upstream.baseUrl() + "/vpc");
			common.put("gateway.upstreams.hss.endpoint", upstream.baseUrl() + "/hss");
			common.put("gateway.upstreams.iam.endpoint", upstream.baseUrl() + "/iam");
			common.put("gateway.upstreams.hss.quota.requests", Integer.toString(QUOTA));
			common.put("gateway.upstreams.hss.quota.per", PER.toMillis() + "ms");
			common.put("gateway.upstreams.hss.quota.max-wait", MAX_WAIT.toMillis() + "ms");
			common.put("gateway.quotas.margin", MARGIN.toMillis() + "ms");
			// Generous: a loaded CI machine must not turn a quick answer into a timeout.
			common.put("gateway.upstreams.hss.response-timeout", "5s");
			common.put("gateway.upstreams.hss.retry.deadline", DEADLINE.toMillis() + "ms");
			common.put("management.tracing.sampling.probability", "0");
			common.put("gateway.security.mode", "api-key");
			common.put("gateway.security.allow-unauthenticated-outside-local", "false");
			client(common, 0, "team-a", SecuredGatewayTestSupport.KEY_A_SHA256);
			client(common, 1, "team-b", SecuredGatewayTestSupport.KEY_B_SHA256);
			client(common, 2, "team-c", SecuredGatewayTestSupport.KEY_C_SHA256);
			common.put("gateway.security.clients[2].rate-limit.requests", "2");
			common.put("gateway.security.clients[2].rate-limit.per", "1m");
			replicas = startReplicas(common);
			warmUp();
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> System.currentTimeMillis() >= quietAfter);
		upstream.resetAll();
		upstream.stubFor(any(anyUrl()).willReturn(ok()));
	}

	/**
	 * One call through each replica before the scenarios: connections to Redis and to the
	 * upstream, the scripts and the JIT are then ready, so that the first scenario's
	 * calls do not reach the upstream seconds after their turn.
	 */
	private void warmUp() {
		upstream.stubFor(any(anyUrl()).willReturn(ok()));
		for (int i = 0; i < replicas.size(); i++) {
			assertThat(call(replica(i), SecuredGatewayTestSupport.KEY_B, GatewayTestSupport.HSS_BODY).status())
				.isEqualTo(200);
		}
		quietAfter = System.currentTimeMillis() + PER.plus(MARGIN).toMillis() + 100;
	}

	private static void client(Map<String, String> properties, int index, String name, String sha256) {
		String prefix = "gateway.security.clients[" + index + "].";
		properties.put(prefix + "name", name);
		properties.put(prefix + "api-key-sha256", sha256);
		properties.put(prefix + "projects[0]", "*");
		properties.put(prefix + "operations[0]", "hss:CreateSecurityGroupPolicy");
	}

	@AfterEach
	void rememberWhenTheUpstreamWasLastCalled() {
		long last = sent().stream().mapToLong(Long::longValue).max().orElse(System.currentTimeMillis());
		quietAfter = Math.max(System.currentTimeMillis(), last) + PER.plus(MARGIN).toMillis() + 100;
	}

	@AfterAll
	void stop() {
		replicas.forEach(Replica::close);
		callers.shutdownNow();
		upstream.stop();
	}

	@Test
	void aBurstWaitsInLineAndNeverExceedsTheQuotaInAnyWindow() {
		List<Call> calls = concurrently(20,
				i -> i % 2 == 0 ? SecuredGatewayTestSupport.KEY_A : SecuredGatewayTestSupport.KEY_B,
				GatewayTestSupport.HSS_BODY);

		List<Call> served = calls.stream().filter(call -> call.status() == 200).toList();
		List<Call> refused = calls.stream().filter(call -> call.status() == 429).toList();
		assertThat(served.size() + refused.size()).as("every call ends 200 or 429").isEqualTo(20);
		assertThat(served).hasSizeGreaterThan(QUOTA);
		assertThat(refused).isNotEmpty();
		assertThat(sent()).as("WireMock received the served calls only").hasSize(served.size());
		assertAtMostTheQuotaInAnyWindow(sent());
		assertAnsweredAtOnce(refused, sent());
		assertThat(served).allSatisfy(call -> assertThat(call.took()).isLessThan(MAX_WAIT.plus(ANSWER)));
		assertThat(calls).allSatisfy(call -> assertThat(call.took()).isLessThan(DEADLINE));
	}

	@Test
	void aRefusedCallCarriesRetryAfterAndTheRateLimitFields() {
		List<Call> calls = concurrently(QUOTA + 3, i -> SecuredGatewayTestSupport.KEY_A, GatewayTestSupport.HSS_BODY);

		Call refused = calls.stream().filter(call -> call.status() == 429).findFirst().orElseThrow();
		HttpResponse<String> response = refused.response();
		long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
		Matcher policy = POLICY.matcher(response.headers().firstValue("RateLimit-Policy").orElseThrow());
		Matcher state = STATE.matcher(response.headers().firstValue("RateLimit").orElseThrow());
		assertThat(policy.matches()).isTrue();
		assertThat(state.matches()).isTrue();
		assertThat(Long.parseLong(policy.group(1))).isEqualTo(QUOTA);
		assertThat(Long.parseLong(policy.group(2))).isEqualTo(PER.toSeconds());
		assertThat(Long.parseLong(state.group(1))).isZero();
		assertThat(retryAfter).isBetween(1L, MAX_WAIT.plus(PER).plus(MARGIN).toSeconds() + 1);
		assertThat(Long.parseLong(state.group(2))).as("Retry-After is never earlier than t")
			.isLessThanOrEqualTo(retryAfter);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("error_code").asString()).isEqualTo("GW.0429");
		assertThat(problem.path("type").asString()).endsWith("#quota-exceeded");
		assertThat(problem.path("violated-policies").get(0).asString()).isEqualTo("hss");
	}

	@Test
	void invalidAndUnauthorizedCallsSpendNoTurn() {
		for (int i = 0; i < 2 * QUOTA; i++) {
			assertThat(call(replica(i), SecuredGatewayTestSupport.KEY_A, "{\"policy_name\":\"\"}").status())
				.isEqualTo(400);
			assertThat(call(replica(i), "not-a-key", GatewayTestSupport.HSS_BODY).status()).isEqualTo(401);
		}

		List<Call> calls = concurrently(QUOTA, i -> SecuredGatewayTestSupport.KEY_B, GatewayTestSupport.HSS_BODY);

		assertThat(calls).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
		List<Long> sent = sent();
		assertThat(sent).hasSize(QUOTA);
		assertThat(sent.get(sent.size() - 1) - sent.get(0)).as("none waited for a turn").isLessThan(PER.toMillis());
	}

	@Test
	void oneClientsBurstCannotTakeTheLineFromAnother() {
		CompletableFuture<List<Call>> burst = CompletableFuture
			.supplyAsync(() -> concurrently(30, i -> SecuredGatewayTestSupport.KEY_A, GatewayTestSupport.HSS_BODY));
		await().atMost(Duration.ofSeconds(30)).until(() -> sent().size() >= QUOTA);

		List<Call> other = concurrently(2, i -> SecuredGatewayTestSupport.KEY_B, GatewayTestSupport.HSS_BODY);
		List<Call> first = burst.join();

		assertThat(other).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
		List<Call> servedA = first.stream().filter(call -> call.status() == 200).toList();
		List<Call> refusedA = first.stream().filter(call -> call.status() == 429).toList();
		assertThat(servedA).as("the quota, then at most 2 waiting").hasSizeBetween(QUOTA, QUOTA + 2);
		assertThat(refusedA).hasSize(30 - servedA.size());
		List<Long> sent = sent();
		assertAnsweredAtOnce(refusedA, sent);
		long secondWindowEnds = sent.get(0) + 2 * PER.plus(MARGIN).toMillis();
		assertThat(sent).hasSize(servedA.size() + 2);
		assertThat(sent).as("B was served in the first windows")
			.allSatisfy(at -> assertThat(at).isLessThan(secondWindowEnds));
		assertAtMostTheQuotaInAnyWindow(sent);
	}

	@Test
	void upstreamThrottlingHoldsBackEveryReplica() {
		upstream.resetAll();
		upstream.stubFor(post(urlPathMatching(HSS)).inScenario("throttle")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "2")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached: "
						+ "policy user over ratelimit,limit:5,time:1 minute\",\"request_id\":\"r-1\"}"))
			.willSetStateTo("open"));
		upstream
			.stubFor(post(urlPathMatching(HSS)).inScenario("throttle").whenScenarioStateIs("open").willReturn(ok()));

		CompletableFuture<Call> throttled = CompletableFuture
			.supplyAsync(() -> call(replica(0), SecuredGatewayTestSupport.KEY_A, GatewayTestSupport.HSS_BODY), callers);
		await().atMost(Duration.ofSeconds(30)).until(() -> sent().size() == 1);
		long throttledAt = sent().get(0);
		QuotaStore store = replica(0).context().getBean(QuotaStore.class);
		// The pause is set once the gateway has the 429 (a moment after WireMock logs
		// it).
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !store.pausedFor("hss").block().isZero() || sent().size() > 1);
		List<Call> others = concurrently(2, i -> SecuredGatewayTestSupport.KEY_B, GatewayTestSupport.HSS_BODY, 1);

		assertThat(throttled.join().status()).as("retried after Retry-After").isEqualTo(200);
		assertThat(others).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
		List<Long> sent = sent();
		assertThat(sent).hasSize(4);
		assertThat(sent.subList(1, sent.size())).as("no replica sent during the pause")
			.allSatisfy(at -> assertThat(at - throttledAt).isGreaterThanOrEqualTo(2000));
	}

	@Test
	void aClientsOwnRateLimitIsRefusedBeforeAnyUpstreamCall() {
		Call first = call(replica(0), SecuredGatewayTestSupport.KEY_C, GatewayTestSupport.HSS_BODY);
		Call second = call(replica(1), SecuredGatewayTestSupport.KEY_C, GatewayTestSupport.HSS_BODY);
		Call third = call(replica(2), SecuredGatewayTestSupport.KEY_C, GatewayTestSupport.HSS_BODY);
		Call other = call(replica(3), SecuredGatewayTestSupport.KEY_A, GatewayTestSupport.HSS_BODY);

		assertThat(first.status()).isEqualTo(200);
		assertThat(second.status()).isEqualTo(200);
		assertThat(third.status()).isEqualTo(429);
		assertThat(other.status()).as("other clients are not limited by it").isEqualTo(200);
		assertThat(sent()).hasSize(3);
		HttpResponse<String> response = third.response();
		assertThat(response.headers().firstValue("RateLimit-Policy")).hasValue("\"client\";q=2;w=60");
		assertThat(response.headers().firstValue("RateLimit").orElseThrow()).matches("^\"client\";r=0;t=\\d+$");
		assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("error_code").asString()).isEqualTo("GW.0429");
		assertThat(problem.path("violated-policies").get(0).asString()).isEqualTo("client");
	}

	/** Times (ms) at which WireMock received each HSS call, ascending. */
	List<Long> sent() {
		List<Long> times = new ArrayList<>();
		for (ServeEvent event : upstream.getAllServeEvents()) {
			if (event.getRequest().getUrl().startsWith("/hss/")) {
				times.add(event.getRequest().getLoggedDate().getTime());
			}
		}
		times.sort(Long::compare);
		return times;
	}

	/**
	 * Refused calls were answered at once: before the first call that waited for the next
	 * window was even sent (a time that does not depend on how loaded the machine is).
	 */
	static void assertAnsweredAtOnce(List<Call> refused, List<Long> sent) {
		assertThat(sent).hasSizeGreaterThan(QUOTA);
		long firstWaited = sent.get(QUOTA);
		assertThat(refused).allSatisfy(call -> assertThat(call.answeredAt()).isLessThan(firstWaited));
	}

	static void assertAtMostTheQuotaInAnyWindow(List<Long> sent) {
		for (int i = 0; i + QUOTA < sent.size(); i++) {
			assertThat(sent.get(i + QUOTA) - sent.get(i)).as("call %d and %d are a window apart", i, i + QUOTA)
				.isGreaterThanOrEqualTo(PER.toMillis());
		}
	}

	Replica replica(int i) {
		return replicas.get(i % replicas.size());
	}

	List<Call> concurrently(int count, java.util.function.IntFunction<String> key, String body) {
		return concurrently(count, key, body, 0);
	}

	/**
	 * {@code count} calls at once, spread over the replicas starting at {@code first}.
	 */
	List<Call> concurrently(int count, java.util.function.IntFunction<String> key, String body, int first) {
		List<CompletableFuture<Call>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			futures.add(CompletableFuture.supplyAsync(() -> call(replica(first + n), key.apply(n), body), callers));
		}
		return futures.stream().map(CompletableFuture::join).toList();
	}

	Call call(Replica replica, String key, String body) {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + GatewayTestSupport.HSS_PATH))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Call(response, Duration.ofNanos(System.nanoTime() - start), System.currentTimeMillis());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One call's answer, how long it took and when (ms) it was answered. */
	record Call(HttpResponse<String> response, Duration took, long answeredAt) {

		int status() {
			return response.statusCode();
		}

	}

}
