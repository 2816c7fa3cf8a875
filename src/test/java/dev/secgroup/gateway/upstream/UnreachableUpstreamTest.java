package dev.secgroup.gateway.upstream;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection refused: upstream surely did not act, so both operations are retried, then
 * 502.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnreachableUpstreamTest {

	@LocalServerPort
	int port;

	@Autowired
	RetryRegistry retries;

	@DynamicPropertySource
	static void closedPort(DynamicPropertyRegistry registry) throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		registry.add("gateway.upstreams.vpc.endpoint", () -> "http://127.0.0.1:" + closed);
		registry.add("gateway.upstreams.hss.endpoint", () -> "http://127.0.0.1:" + closed);
	}

	@Test
	void retriesBothOperationsWhenTheConnectionIsRefusedThenAnswers502() throws Exception {
		HttpResponse<String> put = send("PUT", GatewayTestSupport.VPC_PATH, GatewayTestSupport.VPC_BODY);
		HttpResponse<String> post = send("POST", GatewayTestSupport.HSS_PATH, GatewayTestSupport.HSS_BODY);

		assertThat(put.statusCode()).isEqualTo(502);
		assertThat(post.statusCode()).isEqualTo(502);
		assertThat(put.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(put.body()).contains("\"error_code\":\"GW.0502\"").doesNotContain("Exception");
		assertThat(retries.retry("vpc").getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
		assertThat(retries.retry("hss").getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
