package dev.secgroup.gateway.upstream;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of the retry table (docs/architecture.md) about read timeouts: an idempotent
 * PUT is retried after one, a POST never is. A response timeout of 250 ms against an
 * upstream that answers after 1 s keeps each row under a few seconds; the other rows,
 * with the generous test timeout, are in {@link RetryTableTest}.
 */
@TestPropertySource(
		properties = { "gateway.upstreams.vpc.response-timeout=250ms", "gateway.upstreams.hss.response-timeout=250ms" })
class RetryTableTimeoutTest extends RetryTableSupport {

	/** Four times the response timeout: surely a timeout, however loaded the machine. */
	private static final int DELAY_MS = 1000;

	@Test
	void retriesPutAfterAReadTimeout() {
		failOnceThenSucceed(() -> WireMock.put(urlPathMatching(VPC)),
				aResponse().withStatus(200).withFixedDelay(DELAY_MS));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(calls()).isEqualTo(2);
	}

	@Test
	void neverRetriesPostAfterReadTimeoutAndAnswers504() {
		upstream.stubFor(
				WireMock.post(urlPathMatching(HSS)).willReturn(aResponse().withStatus(200).withFixedDelay(DELAY_MS)));

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0504");
		assertThat(calls()).isEqualTo(1);
	}

	@Test
	void putAnswers504WhenEveryAttemptTimesOut() {
		upstream.stubFor(
				WireMock.put(urlPathMatching(VPC)).willReturn(aResponse().withStatus(200).withFixedDelay(DELAY_MS)));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(calls()).isEqualTo(3);
	}

}
