package dev.secgroup.gateway.vpc;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.web.DocumentExamples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

class VpcInsertSecurityGroupsTest extends GatewayTestSupport {

	static final String UPSTREAM_PATH = "/vpc" + VPC_PATH;

	static final String DOCUMENT_RESPONSE = DocumentExamples.text("vpc-insert-security-groups-response.json");

	@Test
	void forwardsTheExactRequestAndRelaysTheDocumentResponseUnchanged() {
		upstream.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "458691c0-7db2-43d8-9400-053800c5ff53")
				.withBody(DOCUMENT_RESPONSE)));

		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Request-Id",
				"caller-request-0001");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		// Byte for byte: every field, including binding:* keys the gateway does not
		// model.
		assertThat(response.body()).isEqualTo(DOCUMENT_RESPONSE);
		assertThat(parse(response.body())).isEqualTo(parse(DOCUMENT_RESPONSE));
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).as("the gateway's own, never the caller's").matches("[0-9a-f-]{36}");
		assertThat(response.headers().firstValue("X-Upstream-Request-Id"))
			.hasValue("458691c0-7db2-43d8-9400-053800c5ff53");

		upstream.verify(1,
				putRequestedFor(urlEqualTo(UPSTREAM_PATH)).withHeader("Content-Type", equalTo("application/json"))
					.withHeader("Accept", equalTo("application/json"))
					.withHeader("X-Request-Id", equalTo(requestId))
					.withRequestBody(equalToJson(VPC_BODY)));
		LoggedRequest sent = upstream.getAllServeEvents().get(0).getRequest();
		assertThat(sent.getMethod()).isEqualTo(RequestMethod.PUT);
		assertThat(new String(sent.getBody(), StandardCharsets.UTF_8)).isEqualTo(VPC_BODY);
	}

	@Test
	void dryRunGivesUpstreams202() {
		upstream.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH))
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"request_id\":\"r-1\"}")));

		HttpResponse<String> response = put(VPC_PATH,
				"{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\"]},\"dry_run\":true}");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.body()).isEqualTo("{\"request_id\":\"r-1\"}");
		upstream.verify(1, putRequestedFor(urlEqualTo(UPSTREAM_PATH)).withRequestBody(equalToJson(
				"{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\"]},\"dry_run\":true}")));
	}

	@Test
	void absentOptionalMembersAreNotSentAsNull() {
		upstream
			.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

		put(VPC_PATH, "{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\"]}}");

		LoggedRequest sent = upstream.getAllServeEvents().get(0).getRequest();
		assertThat(sent.getBodyAsString())
			.isEqualTo("{\"port\":{\"security_groups\":[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\"]}}");
	}

	@Test
	void generatesARequestIdWhenTheCallersIsMalformed() {
		upstream
			.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Request-Id",
				"bad id; <script>");

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).matches("[0-9a-f-]{36}");
		upstream.verify(putRequestedFor(urlEqualTo(UPSTREAM_PATH)).withHeader("X-Request-Id", equalTo(requestId)));
	}

	static Stream<Arguments> huaweiErrorBodies() {
		return Stream.of(
				Arguments.of("error_code/error_msg",
						"{\"error_msg\":\"Port not found\",\"error_code\":\"VPC.0114\",\"request_id\":\"body-id\"}",
						"VPC.0114", "Port not found"),
				Arguments.of("code/message", "{\"code\":\"VPC.0002\",\"message\":\"Available zone Name is null.\"}",
						"VPC.0002", "Available zone Name is null."),
				Arguments.of("nested error", "{\"error\":{\"code\":\"APIGW.0101\",\"message\":\"API not found\"}}",
						"APIGW.0101", "API not found"),
				Arguments.of("NeutronError",
						"{\"NeutronError\":{\"message\":\"Port x could not be found\",\"type\":\"PortNotFound\",\"detail\":\"\"}}",
						"GW.0404", "Port x could not be found"),
				Arguments.of("HSS error_description only",
						"{\"error_code\":\"00000010\",\"error_description\":\"access denied\"}", "00000010",
						"access denied"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("huaweiErrorBodies")
	void upstream4xxKeepsItsStatusCodeMessageAndRequestId(String shape, String body, String code, String message) {
		upstream.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Request-Id", "upstream-req-1")
				.withBody(body)));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("error_code").asString()).isEqualTo(code);
		assertThat(problem.get("error_msg").asString()).isEqualTo(message);
		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("upstream-req-1");
		assertThat(problem.get("request_id").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		upstream.verify(1, putRequestedFor(urlEqualTo(UPSTREAM_PATH)));
	}

	@Test
	void upstreamRequestIdFallsBackToTheBodyWhenTheHeaderIsAbsent() {
		upstream.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH))
			.willReturn(aResponse().withStatus(400)
				.withBody("{\"error_msg\":\"bad\",\"error_code\":\"VPC.0001\",\"request_id\":\"body-id\"}")));

		JsonNode problem = parse(put(VPC_PATH, VPC_BODY).body());

		assertThat(problem.get("upstream_request_id").asString()).isEqualTo("body-id");
	}

	@Test
	void anUnparseableUpstreamErrorStillGivesAProblem() {
		upstream.stubFor(WireMock.put(urlEqualTo(UPSTREAM_PATH))
			.willReturn(aResponse().withStatus(403).withBody("<html>no</html>")));

		HttpResponse<String> response = put(VPC_PATH, VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(403);
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0403");
		assertThat(response.body()).doesNotContain("<html>");
	}

	@Test
	void pathValuesAreEncodedSoTheyStayInsideTheirSegment() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		// Valid ids go through as one segment each; the upstream path is exactly the
		// template.
		put("/v3/" + PROJECT + "/ports/port_-1/insert-security-groups", VPC_BODY);

		assertThat(upstream.getAllServeEvents()).singleElement()
			.satisfies(event -> assertThat(event.getRequest().getUrl())
				.isEqualTo("/vpc/v3/" + PROJECT + "/ports/port_-1/insert-security-groups"));
	}

}
