package dev.secgroup.gateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.multipart.MultipartResolver;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No body is read before the size limit and authentication allow it (review A1, A13, B1):
 * no filter parses form or multipart bodies, a declared oversize is refused at once
 * whoever sends it, a stranger's body is never read, and a malformed body of any type is
 * a 4xx, never a 500.
 */
class RequestBodyGuardTest extends SecuredGatewayTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void noFormContentFilterAndNoMultipartResolverExist() {
		assertThat(context.getBeanNamesForType(FormContentFilter.class)).isEmpty();
		assertThat(context.getBeanNamesForType(MultipartResolver.class)).isEmpty();
	}

	@Test
	void aStrangersEndlessChunkedFormBodyIsAnswered401WhileItIsStillBeingSent() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + VPC_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			// 16 KiB of an endless "a&a&a&..." body: the answer must come without the
			// rest.
			byte[] chunk = "a&".repeat(8192).getBytes(StandardCharsets.US_ASCII);
			out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(chunk);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();

			assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 401");
		}
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDeclaredOversizeIsAnswered413BeforeAuthenticationAndBeforeAnyByteOfIt() throws IOException {
		for (String path : new String[] { VPC_PATH, "/anything" }) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.setSoTimeout(10_000);
				OutputStream out = socket.getOutputStream();
				out.write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 120000000\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();

				String answer = new String(readAvailable(socket.getInputStream()), StandardCharsets.UTF_8);
				assertThat(answer).as(path)
					.startsWith("HTTP/1.1 413")
					// No Accept header: errors are application/json (docs/sdk.md),
					// problem members
					.contains("Content-Type: application/json")
					.contains("\"error_code\":\"GW.0413\"");
			}
		}
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aMalformedFormBodyIs401WithoutCredentialsAnd415WithThem() {
		HttpResponse<String> stranger = send("PUT", VPC_PATH, "application/x-www-form-urlencoded", "a=%zz");
		HttpResponse<String> known = send("PUT", VPC_PATH, "application/x-www-form-urlencoded", "a=%zz", "X-Api-Key",
				KEY_A);
		HttpResponse<String> elsewhere = send("PUT", "/anything", "application/x-www-form-urlencoded", "a=%zz");

		assertThat(stranger.statusCode()).isEqualTo(401);
		assertThat(known.statusCode()).isEqualTo(415);
		assertThat(elsewhere.statusCode()).isEqualTo(401);
		for (HttpResponse<String> response : Arrays.asList(stranger, known, elsewhere)) {
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
			assertThat(response.body()).doesNotContain("GW.0500");
		}
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void multipartIsRefused415WhoeverSendsIt() {
		String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n" + "x".repeat(1000)
				+ "\r\n--b--\r\n";
		for (String key : new String[] { null, KEY_A, KEY_C }) {
			for (String path : new String[] { VPC_PATH, "/anything" }) {
				HttpResponse<String> response = key == null ? send("PUT", path, "multipart/form-data; boundary=b", body)
						: send("PUT", path, "multipart/form-data; boundary=b", body, "X-Api-Key", key);
				assertThat(response.statusCode()).as(path + " " + key).isEqualTo(415);
				assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0415");
			}
		}
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aKnownClientsChunkedOversizeIsRefused413WhileReading() throws Exception {
		byte[] big = ("{\"port\":{\"security_groups\":[\"" + "a".repeat(200_000) + "\"]}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + VPC_PATH))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", KEY_A)
			// No declared length: sent chunked.
			.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
			.build();

		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0413");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	private static String statusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
			line.append((char) b);
		}
		return line.toString().trim();
	}

	/** The answer as far as it has arrived once the first bytes are there. */
	private static byte[] readAvailable(InputStream in) throws IOException {
		byte[] buffer = new byte[8192];
		int n = in.read(buffer);
		int total = Math.max(n, 0);
		// The problem body follows the headers in the same or the next packet.
		while (total < buffer.length && !new String(buffer, 0, total, StandardCharsets.UTF_8).contains("}")) {
			n = in.read(buffer, total, buffer.length - total);
			if (n < 0) {
				break;
			}
			total += n;
		}
		return Arrays.copyOf(buffer, total);
	}

}
