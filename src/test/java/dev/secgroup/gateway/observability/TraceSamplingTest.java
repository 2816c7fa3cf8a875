package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sampling is parent-based with a ratio: a caller's sampled
 * {@code traceparent} is always continued and recorded, an unsampled one is continued
 * unrecorded, and calls without one are recorded only at the ratio. A call whose span is
 * not recorded still has its trace and request ids in its audit event and log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceSamplingTest extends GatewayTestSupport {

	private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

	@BeforeEach
	void upstreamAnswersAndAccessLogOn() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		AccessLogLevel.info();
	}

	@AfterEach
	void accessLogOff() {
		AccessLogLevel.reset();
	}

	@Test
	void aSampledCallersTraceIsAlwaysContinuedAndRecorded() {
		for (int i = 0; i < 5; i++) {
			send("PUT", VPC_PATH, "application/json", VPC_BODY, "traceparent",
					"00-" + TRACE_ID + "-b7ad6b7169203331-01");
		}

		assertThat(upstreamTraceparents())
			.allSatisfy(sent -> assertThat(sent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"));
	}

	@Test
	void anUnrecordedCallStillCarriesItsTraceAndRequestIdsEverywhere(CapturedOutput output) {
		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "traceparent",
				"00-" + TRACE_ID + "-b7ad6b7169203331-00");

		assertThat(response.statusCode()).isEqualTo(200);
		// Flags 00 upstream: the span was not recorded, and the caller's trace goes on.
		assertThat(upstreamTraceparents()).singleElement()
			.satisfies(sent -> assertThat(sent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00"));
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode audit = AuditLines.single(output, requestId);
		assertThat(audit.path("trace_id").asString()).isEqualTo(TRACE_ID);
		JsonNode access = LogLines.access(output, requestId);
		assertThat(access.path("trace_id").asString()).isEqualTo(TRACE_ID);
		assertThat(access.path("span_id").asString()).matches("[0-9a-f]{16}");
	}

	@Test
	void callsWithoutATraceparentAreRecordedOnlyAtTheRatio() {
		IntStream.range(0, 40).forEach(i -> put(VPC_PATH, VPC_BODY));

		List<String> sent = upstreamTraceparents();
		assertThat(sent).hasSize(40)
			.allSatisfy(header -> assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"));
		// Bit 0 of the flags is "sampled" (bit 1, "random trace id", may be set too). At
		// the default ratio of 0.1, all 40 recorded has a chance of 1e-40; none recorded
		// would still be a pass (0.9^40 = 1.5 %), so only the upper side is asserted.
		assertThat(sent.stream().filter(header -> !sampled(header))).isNotEmpty();
	}

	private static boolean sampled(String traceparent) {
		return (Integer.parseInt(traceparent.substring(traceparent.length() - 2), 16) & 1) == 1;
	}

	private static List<String> upstreamTraceparents() {
		return upstream.findAll(putRequestedFor(urlPathMatching("/vpc/.*")))
			.stream()
			.map(LoggedRequest.class::cast)
			.map(request -> request.getHeader("traceparent"))
			.toList();
	}

}
