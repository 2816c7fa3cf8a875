package dev.secgroup.gateway.audit;

import java.net.http.HttpResponse;
import java.util.List;
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
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caller-supplied strings cannot forge audit lines or members: CR/LF and JSON in body
 * fields and path values stay escaped inside the one event of their call, accepted or
 * rejected.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditInjectionTest extends SecuredGatewayTestSupport {

	private static final String FORGED = "{\"type\":\"audit\",\"forged\":true}";

	@Test
	void jsonInAnAcceptedPolicyNameStaysOneEscapedValue(CapturedOutput output) {
		upstream.stubFor(WireMock.post(urlEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));
		// Valid: quotes and braces are not control characters, so this reaches upstream.
		String policyName = "p\",\"client\":\"admin\",\"status\":200,\"x\":\"" + FORGED;
		String id = UUID.randomUUID().toString();

		HttpResponse<String> response = sendWithKey("POST", HSS_PATH, KEY_B, hssBody(json(policyName)), "X-Request-Id",
				id);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode event = AuditLines.single(output, id);
		assertThat(event.get("target").get("policy_name").asString()).isEqualTo(policyName);
		assertThat(event.get("client").asString()).isEqualTo("team-b");
		assertNoForgedLine(output);
	}

	@Test
	void crlfInARejectedPolicyNameLeavesOneEventAndNoForgedLine(CapturedOutput output) {
		String policyName = "p\r\n" + FORGED + "\r\n";
		String id = UUID.randomUUID().toString();

		HttpResponse<String> response = sendWithKey("POST", HSS_PATH, KEY_B, hssBody(json(policyName)), "X-Request-Id",
				id);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(parse(response.body()).get("violations").get(0).get("field").asString()).isEqualTo("policy_name");
		List<String> lines = AuditLines.rawOf(output, id);
		assertThat(lines).hasSize(1);
		assertThat(AuditLines.single(output, id).get("status").asInt()).isEqualTo(400);
		assertNoForgedLine(output);
	}

	@Test
	void crlfAndJsonInAPathValueAreEscapedInTheEvent(CapturedOutput output) {
		String id = UUID.randomUUID().toString();

		HttpResponse<String> response = sendWithKey("PUT",
				"/v3/" + PROJECT + "/ports/a%0D%0A%7B%22type%22:%22audit%22%7D/insert-security-groups", KEY_A, VPC_BODY,
				"X-Request-Id", id);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(parse(response.body()).get("violations").get(0).get("field").asString()).isEqualTo("port_id");
		String line = AuditLines.rawOf(output, id).get(0);
		assertThat(line).doesNotContain("\r").contains("\\r\\n");
		assertThat(AuditLines.single(output, id).get("target").get("port_id").asString())
			.isEqualTo("a\r\n{\"type\":\"audit\"}");
		assertNoForgedLine(output);
	}

	@Test
	void nonAsciiLineSeparatorsAreEscapedToo(CapturedOutput output) {
		upstream.stubFor(WireMock.post(urlEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));
		String workloadName = "w\u2028" + FORGED + "\u0085\u00e9";
		String id = UUID.randomUUID().toString();

		sendWithKey("POST", HSS_PATH, KEY_B, hssBody("\"p\"").replace("\"kube-state-metrics\"", json(workloadName)),
				"X-Request-Id", id);

		String line = AuditLines.rawOf(output, id).get(0);
		assertThat(line).doesNotContain("\u2028", "\u0085", "\u00e9").contains("\\u2028");
		assertThat(AuditLines.single(output, id).get("target").get("workload_name").asString()).isEqualTo(workloadName);
	}

	private static void assertNoForgedLine(CapturedOutput output) {
		assertThat(output.getAll().lines())
			.noneMatch(line -> line.startsWith(FORGED) || line.contains("\"forged\":true"));
	}

	private static String hssBody(String policyNameJson) {
		return HSS_BODY.replace("\"ywk-test\"", policyNameJson);
	}

	private static String json(String value) {
		return json.writeValueAsString(value);
	}

}
