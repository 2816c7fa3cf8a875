package dev.secgroup.gateway.upstream;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each row of the retry table (docs/architecture.md "Retries and circuit breaking"), for
 * the idempotent PUT (VPC) and the non-idempotent POST (HSS). Test settings: 3 attempts,
 * backoff 5-20 ms, {@code Retry-After} honoured up to 2 s. The rows about response
 * timeouts are in {@link RetryTableTimeoutTest}, with short timeouts; here timeouts and
 * deadlines are long, so that a loaded machine (a cold first call, a slow WireMock)
 * cannot turn an upstream's answer or reset into a 504.
 */
@TestPropertySource(
		properties = { "gateway.upstreams.vpc.response-timeout=30s", "gateway.upstreams.vpc.retry.deadline=60s",
				"gateway.upstreams.hss.response-timeout=30s", "gateway.upstreams.hss.retry.deadline=60s" })
class RetryTableTest extends RetryTableSupport {

	@ParameterizedTest(name = "PUT retried after {0}")
	@ValueSource(ints = { 429, 500, 502, 503, 504 })
	void retriesPutOnTransientStatusThenSucceeds(int status) {
		failOnceThenSucceed(() -> WireMock.put(urlPathMatching(VPC)), aResponse().withStatus(status));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(calls()).isEqualTo(2);
	}

	@ParameterizedTest(name = "POST retried after {0}: upstream did not act")
	@ValueSource(ints = { 429, 503 })
	void retriesPostOnlyWhenUpstreamSurelyDidNotAct(int status) {
		failOnceThenSucceed(() -> WireMock.post(urlPathMatching(HSS)), aResponse().withStatus(status));

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(calls()).isEqualTo(2);
	}

	@ParameterizedTest(name = "POST not retried after {0}")
	@ValueSource(ints = { 500, 502, 504 })
	void neverRetriesPostAfterAServerErrorAndAnswers502(int status) {
		upstream.stubFor(WireMock.post(urlPathMatching(HSS))
			.willReturn(aResponse().withStatus(status)
				.withBody("{\"error_code\":\"HSS.0004\",\"error_msg\":\"internal\"}")));

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("HSS.0004");
		assertThat(parse(response.body()).get("upstream_status").asInt()).isEqualTo(status);
		assertThat(calls()).isEqualTo(1);
	}

	@Test
	void putServerErrorsAfterAllAttemptsAnswer502WithUpstreamsCode() {
		upstream.stubFor(WireMock.put(urlPathMatching(VPC))
			.willReturn(aResponse().withStatus(500)
				.withHeader("X-Request-Id", "vpc-500")
				.withBody("{\"error_code\":\"VPC.9999\",\"error_msg\":\"boom\"}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("VPC.9999");
		assertThat(parse(response.body()).get("upstream_request_id").asString()).isEqualTo("vpc-500");
		assertThat(calls()).isEqualTo(3);
	}

	@Test
	void retriesPutAfterAConnectionResetMidResponse() {
		failOnceThenSucceed(() -> WireMock.put(urlPathMatching(VPC)),
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(calls()).isEqualTo(2);
	}

	@Test
	void neverRetriesPostAfterAConnectionResetAndAnswers502() {
		upstream.stubFor(
				WireMock.post(urlPathMatching(HSS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0502");
		assertThat(calls()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0} passed through, not retried")
	@ValueSource(ints = { 400, 401, 403, 404, 409 })
	void neverRetriesOther4xx(int status) {
		upstream.stubFor(WireMock.put(urlPathMatching(VPC))
			.willReturn(aResponse().withStatus(status).withBody("{\"error_code\":\"VPC.0001\",\"error_msg\":\"no\"}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(calls()).isEqualTo(1);
	}

	@Test
	void honoursRetryAfterBeforeRetrying() {
		failOnceThenSucceed(() -> WireMock.put(urlPathMatching(VPC)),
				aResponse().withStatus(429).withHeader("Retry-After", "1"));
		long start = System.nanoTime();

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(calls()).isEqualTo(2);
		// Backoff alone is at most 20 ms here: only Retry-After explains a wait of about
		// a second.
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(900);
	}

	@Test
	void aRetryAfterBeyondTheCapIsNotWaitedForAndThe429IsPassedOn() {
		upstream.stubFor(WireMock.put(urlPathMatching(VPC))
			.willReturn(aResponse().withStatus(429)
				.withHeader("Retry-After", "60")
				.withBody(
						"{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\"}")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("APIGW.0308");
		assertThat(calls()).isEqualTo(1);
	}

}
