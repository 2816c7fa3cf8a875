package dev.secgroup.gateway.credentials;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.MutableClock;
import dev.secgroup.gateway.support.UpstreamGate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.secgroup.gateway.credentials.IamStubs.ANY_VPC_PORT;
import static dev.secgroup.gateway.credentials.IamStubs.PASSWORD_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code password} mode against a WireMock IAM: the exact token request, one token per
 * project, reuse, refresh ahead of expiry on a clock the test moves, single-flight, one
 * retry after a 401, and IAM failures that answer clearly and leave nothing cached. Each
 * test acts on a project of its own, because the token cache lives as long as the
 * (shared) context.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "gateway.credentials.mode=password",
		"gateway.credentials.user-name=" + PasswordTokenTest.USER,
		"gateway.credentials.password=" + PasswordTokenTest.PASSWORD,
		"gateway.credentials.domain-name=" + PasswordTokenTest.DOMAIN, "gateway.credentials.token-refresh-margin=1h",
		// Room for 200 calls that wait for one token on a loaded machine: these tests
		// prove which requests are made, not how fast (none waits for a timeout).
		"gateway.upstreams.iam.response-timeout=30s", "gateway.upstreams.iam.retry.deadline=60s",
		"gateway.upstreams.vpc.response-timeout=30s", "gateway.upstreams.vpc.retry.deadline=60s",
		// Released at once, 200 new connections to WireMock on a loaded machine: some
		// failed to connect (within 2 s) and opened VPC's circuit, answering 502. At most
		// 50 connections, the others wait their turn: the calls still overlap the one
		// IAM request, which is what is tested.
		"gateway.upstreams.vpc.connect-timeout=30s", "gateway.upstreams.vpc.pool.max-connections=50",
		"gateway.upstreams.vpc.pool.pending-acquire-timeout=60s" })
class PasswordTokenTest extends GatewayTestSupport {

	static final String USER = "gateway-robot";

	/** With quotes, which the JSON body must escape. */
	static final String PASSWORD = "Pa55w0rd-\"quoted\"-secret";

	static final String DOMAIN = "acme-account";

	static final int CONCURRENT_CALLS = 200;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	private final String project = IamStubs.newProject();

	private final String path = IamStubs.vpcPath(project);

	@BeforeEach
	void vpcAnswers() {
		upstream.stubFor(WireMock.put(ANY_VPC_PORT).willReturn(IamStubs.vpcOk()));
	}

	@Test
	void asksIamForAProjectScopedTokenWithThePasswordMethodAndSendsIt() {
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(IamStubs.issued("token-" + project, clock.instant().plus(Duration.ofHours(24)), project)));

		assertThat(put(path, VPC_BODY).statusCode()).isEqualTo(200);

		LoggedRequest iam = upstream.findAll(postRequestedFor(urlEqualTo(PASSWORD_PATH))).get(0);
		assertThat(iam.getBodyAsString())
			.isEqualTo("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":" + "{\"user\":{\"name\":\""
					+ USER + "\",\"password\":\"Pa55w0rd-\\\"quoted\\\"-secret\",\"domain\":{\"name\":\"" + DOMAIN
					+ "\"}}}},\"scope\":{\"project\":{\"id\":\"" + project + "\"}}}}");
		assertThat(iam.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		assertThat(iam.containsHeader("X-Auth-Token")).isFalse();
		assertThat(iam.containsHeader("Authorization")).isFalse();
		LoggedRequest vpc = vpcRequests().get(0);
		assertThat(vpc.getHeader("X-Auth-Token")).isEqualTo("token-" + project);
		assertThat(vpc.containsHeader("Authorization")).isFalse();
	}

	@Test
	void reusesTheTokenUntilTheMarginThenRefreshesAheadOfExpiry() {
		Instant start = clock.instant();
		iamAnswersInTurn(issued("A", start.plus(Duration.ofHours(24))),
				issued("B", start.plus(Duration.ofHours(23).plusMinutes(30)).plus(Duration.ofHours(24))));
		put(path, VPC_BODY);

		clock.set(start.plus(Duration.ofHours(22)));
		put(path, VPC_BODY);
		assertThat(iamCalls()).isEqualTo(1);

		// Within the 1 h margin: the old token still serves this call while a new one is
		// fetched.
		double refreshed = requests("expiring", "success");
		clock.set(start.plus(Duration.ofHours(23).plusMinutes(30)));
		put(path, VPC_BODY);
		await().atMost(Duration.ofSeconds(10)).until(() -> requests("expiring", "success") == refreshed + 1);
		put(path, VPC_BODY);

		assertThat(iamCalls()).isEqualTo(2);
		assertThat(vpcTokens()).containsExactly(token("A"), token("A"), token("A"), token("B"));
	}

	@Test
	void waitsForTheNewTokenOnceTheOldIsAboutToExpire() {
		Instant start = clock.instant();
		iamAnswersInTurn(issued("A", start.plus(Duration.ofHours(24))), issued("B", start.plus(Duration.ofHours(48))));
		put(path, VPC_BODY);

		clock.set(start.plus(Duration.ofHours(24)).minusSeconds(30));
		put(path, VPC_BODY);

		assertThat(vpcTokens()).containsExactly(token("A"), token("B"));
	}

	@Test
	void twoHundredConcurrentCallsWithoutATokenMakeExactlyOneIamCall() {
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(IamStubs.issued(token("A"), clock.instant().plus(Duration.ofHours(24)), project)
				.withTransformers(UpstreamGate.NAME)));
		HttpClient http = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();

		try (UpstreamGate.Shut iamThinking = UpstreamGate.shut()) {
			for (int i = 0; i < CONCURRENT_CALLS; i++) {
				calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(90))
					.PUT(HttpRequest.BodyPublishers.ofString(VPC_BODY))
					.build(), HttpResponse.BodyHandlers.ofString()));
			}
			// IAM answers only once every call is in the gateway, none of them with a
			// token: however slow the machine, they all overlap the one IAM request.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> iamThinking.held() > 0 && callsInFlight() >= CONCURRENT_CALLS);
			assertThat(iamThinking.held()).isEqualTo(1);
			assertThat(vpcRequests()).isEmpty();
		}

		assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
		assertThat(iamCalls()).isEqualTo(1);
		// (A connection WireMock drops under this load is retried, PUT being idempotent:
		// hence at least.)
		assertThat(vpcTokens()).hasSizeGreaterThanOrEqualTo(CONCURRENT_CALLS).containsOnly(token("A"));
	}

	@Test
	void aRefusedTokenIsDroppedAndTheCallRetriedOnceWithAFreshOne() {
		Instant expiry = clock.instant().plus(Duration.ofHours(24));
		iamAnswersInTurn(issued("A", expiry), issued("B", expiry));
		upstream.stubFor(WireMock.put(ANY_VPC_PORT)
			.withHeader("X-Auth-Token", equalTo(token("A")))
			.willReturn(aResponse().withStatus(401)
				.withBody("{\"error_msg\":\"Incorrect IAM authentication information: token revoked\","
						+ "\"error_code\":\"APIGW.0301\"}")));
		double rejected = requests("rejected", "success");

		assertThat(put(path, VPC_BODY).statusCode()).isEqualTo(200);

		assertThat(vpcTokens()).containsExactly(token("A"), token("B"));
		assertThat(iamCalls()).isEqualTo(2);
		assertThat(requests("rejected", "success")).isEqualTo(rejected + 1);
		put(path, VPC_BODY);
		assertThat(iamCalls()).isEqualTo(2);
	}

	@Test
	void aFreshTokenRefusedAgainIsAnsweredNotLooped() {
		Instant expiry = clock.instant().plus(Duration.ofHours(24));
		iamAnswersInTurn(issued("A", expiry), issued("B", expiry), issued("C", expiry));
		upstream.stubFor(WireMock.put(ANY_VPC_PORT)
			.willReturn(aResponse().withStatus(401)
				.withBody("{\"error_msg\":\"Incorrect IAM authentication information: no permission\","
						+ "\"error_code\":\"APIGW.0301\"}")));

		HttpResponse<String> response = put(path, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("APIGW.0301");
		assertThat(vpcTokens()).containsExactly(token("A"), token("B"));
		assertThat(iamCalls()).isEqualTo(2);
	}

	@Test
	void iamDownAnswers503WithoutCallingUpstreamAndLeavesNothingCached() {
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(aResponse().withStatus(503)
				.withHeader("X-Request-Id", "iam-req-503")
				.withBody("{\"error_code\":\"IAM.0001\",\"error_msg\":\"Service unavailable\"}")));

		HttpResponse<String> response = put(path, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0521");
		assertThat(problem.get("upstream").asString()).isEqualTo("iam");
		assertThat(problem.get("upstream_status").asInt()).isEqualTo(503);
		assertThat(problem.get("upstream_error_code").asString()).isEqualTo("IAM.0001");
		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("iam-req-503");
		assertThat(problem.get("error_msg").asString()).contains("IAM could not issue a token")
			.doesNotContain("Service unavailable");
		assertThat(vpcRequests()).isEmpty();
		// IAM's breaker saw IAM fail; VPC's did not count it (VPC did nothing wrong).
		assertThat(circuitBreakers.circuitBreaker("iam").getMetrics().getNumberOfFailedCalls()).isPositive();
		assertThat(circuitBreakers.circuitBreaker("vpc").getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(circuitBreakers.circuitBreaker("vpc").getMetrics().getNumberOfSuccessfulCalls()).isZero();

		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(IamStubs.issued(token("A"), clock.instant().plus(Duration.ofHours(24)), project)));
		assertThat(put(path, VPC_BODY).statusCode()).isEqualTo(200);
		assertThat(vpcTokens()).containsExactly(token("A"));
	}

	@Test
	void iamRefusingTheCredentialsAnswers502WithIamsCodeAndRequestId() {
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "iam-req-401")
				.withBody("{\"error\":{\"code\":\"IAM.0101\",\"message\":\"The username or password is wrong.\","
						+ "\"title\":\"Unauthorized\"}}")));

		HttpResponse<String> response = put(path, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(502);
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0520");
		assertThat(problem.get("upstream_status").asInt()).isEqualTo(401);
		assertThat(problem.get("upstream_error_code").asString()).isEqualTo("IAM.0101");
		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("iam-req-401");
		// IAM's own text stays in the log (review A16): the caller quotes code and
		// request id.
		assertThat(problem.get("error_msg").asString()).contains("IAM refused")
			.doesNotContain("The username or password is wrong.");
		// A refusal is an answer, not an outage: IAM was asked once, and nothing was sent
		// upstream.
		assertThat(iamCalls()).isEqualTo(1);
		assertThat(vpcRequests()).isEmpty();
		assertThat(requests("initial", "iam_refused")).isPositive();
	}

	@Test
	void anIamSuccessWithoutATokenAnswers502() {
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(aResponse().withStatus(201)
				.withBody("{\"token\":{\"expires_at\":\"2099-01-01T00:00:00.000000Z\"}}")));

		HttpResponse<String> response = put(path, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0522");
		assertThat(vpcRequests()).isEmpty();
	}

	@Test
	void eachProjectHasATokenScopedToIt() {
		String other = IamStubs.newProject();
		Instant expiry = clock.instant().plus(Duration.ofHours(24));
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.withRequestBody(matchingJsonPath("$.auth.scope.project.id", equalTo(project)))
			.willReturn(IamStubs.issued(token("A"), expiry, project)));
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.withRequestBody(matchingJsonPath("$.auth.scope.project.id", equalTo(other)))
			.willReturn(IamStubs.issued("other-" + token("A"), expiry, other)));

		put(path, VPC_BODY);
		put(IamStubs.vpcPath(other), VPC_BODY);
		put(path, VPC_BODY);
		put(IamStubs.vpcPath(other), VPC_BODY);

		assertThat(iamCalls()).isEqualTo(2);
		assertThat(vpcTokens()).containsExactly(token("A"), "other-" + token("A"), token("A"), "other-" + token("A"));
	}

	@Test
	void metricsCountPerModeWithoutProjectIds() {
		upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
			.willReturn(IamStubs.issued(token("A"), clock.instant().plus(Duration.ofHours(24)), project)));
		double fetched = requests("initial", "success");

		put(path, VPC_BODY);

		assertThat(requests("initial", "success")).isEqualTo(fetched + 1);
		for (Meter meter : meters.getMeters()) {
			if (meter.getId().getName().startsWith("gateway.credentials")) {
				assertThat(meter.getId().getTags()).allSatisfy(tag -> {
					// project: only configured projects (none here) by id, the others as
					// "other".
					assertThat(tag.getKey()).isIn("mode", "trigger", "result", "project");
					assertThat(tag.getValue()).doesNotContain(project);
				});
			}
		}
	}

	private void iamAnswersInTurn(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
		String state = Scenario.STARTED;
		for (int i = 0; i < answers.length; i++) {
			String next = "answer-" + (i + 1);
			upstream.stubFor(WireMock.post(urlEqualTo(PASSWORD_PATH))
				.inScenario("iam-" + project)
				.whenScenarioStateIs(state)
				.willReturn(answers[i])
				.willSetStateTo(next));
			state = next;
		}
	}

	private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder issued(String name, Instant expiresAt) {
		return IamStubs.issued(token(name), expiresAt, project);
	}

	private String token(String name) {
		return "token-" + name + "-" + project;
	}

	/** Requests the gateway has received and not yet answered. */
	private int callsInFlight() {
		return meters.find("http.server.requests.active")
			.longTaskTimers()
			.stream()
			.mapToInt(LongTaskTimer::activeTasks)
			.sum();
	}

	private int iamCalls() {
		return upstream.findAll(postRequestedFor(urlEqualTo(PASSWORD_PATH))).size();
	}

	private List<LoggedRequest> vpcRequests() {
		return upstream.findAll(putRequestedFor(ANY_VPC_PORT));
	}

	private List<String> vpcTokens() {
		return vpcRequests().stream().map(request -> request.getHeader("X-Auth-Token")).toList();
	}

	private double requests(String trigger, String result) {
		Counter counter = meters.find(CredentialsMetrics.TOKEN_REQUESTS)
			.tag("mode", "password")
			.tag("trigger", trigger)
			.tag("result", result)
			.counter();
		return counter == null ? 0 : counter.count();
	}

}
