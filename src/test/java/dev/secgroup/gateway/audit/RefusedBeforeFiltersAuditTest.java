package dev.secgroup.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;
import dev.secgroup.gateway.web.ErrorCodes;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security review A20: a call of a mirrored operation that Tomcat refuses before any
 * filter runs (a malformed URI, headers over the limit, an unsupported HTTP version) is
 * audited like every other refusal: one event, with the operation, the path values that
 * could be read, the status and error code answered, no client and no upstream attempt.
 * Sent over a raw socket, as only a misbehaving client can send them.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedBeforeFiltersAuditTest extends SecuredGatewayTestSupport {

	@Test
	void anEncodedNulInThePathIsAudited(CapturedOutput output) throws IOException {
		String callerId = "nul-" + UUID.randomUUID();
		String path = "/v3/" + PROJECT + "/ports/a%00b/insert-security-groups";

		Answer answer = exchange("PUT " + path + " HTTP/1.1", "X-Request-Id: " + callerId);

		assertThat(answer.status()).isEqualTo(400);
		JsonNode event = AuditLines.single(output, callerId);
		assertRefused(event, answer, 400, "GW.0400");
		assertThat(event.get("target").get("port_id").asString()).isEqualTo("a\u0000b");
	}

	@Test
	void headersOverTheLimitAreAudited(CapturedOutput output) throws IOException {
		String callerId = "big-" + UUID.randomUUID();

		Answer answer = exchange("PUT " + VPC_PATH + " HTTP/1.1", "X-Request-Id: " + callerId,
				"X-Padding: " + "a".repeat(20_000));

		assertThat(answer.status()).isBetween(400, 431);
		JsonNode event = AuditLines.single(output, callerId);
		assertRefused(event, answer, answer.status(), ErrorCodes.forStatus(answer.status()));
		assertThat(event.get("target").get("port_id").asString()).isEqualTo(PORT_ID);
	}

	@Test
	void anUnsupportedHttpVersionIsAudited(CapturedOutput output) throws IOException {
		String callerId = "ver-" + UUID.randomUUID();

		Answer answer = exchange("PUT " + VPC_PATH + " HTTP/1.2", "X-Request-Id: " + callerId);

		assertThat(answer.status()).isEqualTo(505);
		assertRefused(AuditLines.single(output, callerId), answer, 505, ErrorCodes.forStatus(505));
	}

	@Test
	void refusalsOfOtherPathsAreNotAudited(CapturedOutput output) throws IOException {
		String callerId = "other-" + UUID.randomUUID();

		Answer answer = exchange("GET /v3/a%00b HTTP/1.1", "X-Request-Id: " + callerId);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(AuditLines.of(output, callerId)).isEmpty();
		assertThat(AuditLines.of(output, answer.requestId())).isEmpty();
	}

	private static void assertRefused(JsonNode event, Answer answer, int status, String errorCode) {
		assertThat(event.get("request_id").asString()).isEqualTo(answer.requestId());
		assertThat(event.get("operation").asString()).isEqualTo("vpc:AddSecurityGroups");
		assertThat(event.get("project_id").asString()).isEqualTo(PROJECT);
		assertThat(event.get("status").asInt()).isEqualTo(status);
		assertThat(event.get("error_code").asString()).isEqualTo(errorCode);
		assertThat(event.get("client").isNull()).isTrue();
		assertThat(event.get("attempts").asInt()).isZero();
		assertThat(event.get("upstream_status").isNull()).isTrue();
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	/** Sends one request head (and an empty body) as is; reads the whole answer. */
	private Answer exchange(String requestLine, String... headers) throws IOException {
		StringBuilder head = new StringBuilder(requestLine).append("\r\n");
		for (String header : List.of(headers)) {
			head.append(header).append("\r\n");
		}
		head.append("Host: 127.0.0.1\r\nX-Api-Key: ").append(KEY_A);
		head.append("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return Answer.parse(answer.toString(StandardCharsets.ISO_8859_1));
		}
	}

	private record Answer(int status, String requestId) {

		static Answer parse(String raw) {
			int status = Integer.parseInt(raw.substring(raw.indexOf(' ') + 1, raw.indexOf(' ') + 4));
			String requestId = raw.lines()
				.filter(line -> line.regionMatches(true, 0, "X-Request-Id:", 0, 13))
				.map(line -> line.substring(13).trim())
				.findFirst()
				.orElseThrow(() -> new AssertionError("no X-Request-Id in:\n" + raw));
			return new Answer(status, requestId);
		}

	}

}
