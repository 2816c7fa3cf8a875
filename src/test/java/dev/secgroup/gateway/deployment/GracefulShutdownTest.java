package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import dev.secgroup.gateway.SecgroupGatewayApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What Kubernetes relies on when it stops a pod (SIGTERM runs the same context close):
 * requests in flight against a slow upstream complete, while new connections are refused
 * at once, and the shutdown waits for the former ({@code server.shutdown=graceful}).
 */
class GracefulShutdownTest {

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final String VPC_PATH = "/v3/" + PROJECT
			+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";

	private static final String VPC_BODY = """
			{"port":{"security_groups":["8edd3747-ccd4-49a1-82b9-a165eec314b4"],"index":1}}""";

	private static final String HSS_PATH = "/v5/" + PROJECT
			+ "/container-network/4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08/monitoring/security-group-policy";

	private static final String HSS_BODY = """
			{"policy_name":"p","workload_id":"w","workload_name":"n","workload_type":"deployments","security_groups":[{"security_group_id":"03b46bce-b0b7-42d3-992d-ddfb567106f0","security_group_name":"sg-4a7d"}]}""";

	private static final String UPSTREAM_ANSWER = "{\"port\":{\"id\":\"99fd0c77-56b4-4bf6-8365-df352e45d5fc\"}}";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void requestsInFlightCompleteWhileNewConnectionsAreRefused() throws Exception {
		try (SlowUpstream upstream = new SlowUpstream(3)) {
			ConfigurableApplicationContext gateway = start(upstream);
			try {
				int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
				List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(send(port, "PUT", VPC_PATH, VPC_BODY),
						send(port, "PUT", VPC_PATH, VPC_BODY), send(port, "POST", HSS_PATH, HSS_BODY));
				assertThat(upstream.arrived.await(30, TimeUnit.SECONDS)).as("all three calls reached upstream")
					.isTrue();

				CompletableFuture<Void> shutdown = CompletableFuture.runAsync(gateway::close);

				await().atMost(Duration.ofSeconds(20)).until(() -> connectionRefused(port));
				assertThat(shutdown).as("shutdown waits for the requests in flight").isNotDone();
				assertThat(inFlight).noneMatch(CompletableFuture::isDone);

				upstream.release.countDown();

				for (CompletableFuture<HttpResponse<String>> call : inFlight) {
					HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
					assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				}
				assertThat(inFlight.get(0).get().body()).isEqualTo(UPSTREAM_ANSWER);
				shutdown.get(30, TimeUnit.SECONDS);
				assertThat(gateway.isActive()).isFalse();
			}
			finally {
				upstream.release.countDown();
				gateway.close();
			}
		}
	}

	private static ConfigurableApplicationContext start(SlowUpstream upstream) {
		return new SpringApplicationBuilder(SecgroupGatewayApplication.class).profiles("test")
			.run("--server.port=0", "--spring.jmx.enabled=false", "--spring.lifecycle.timeout-per-shutdown-phase=20s",
					"--gateway.upstreams.vpc.endpoint=" + upstream.url() + "/vpc",
					"--gateway.upstreams.hss.endpoint=" + upstream.url() + "/hss",
					"--gateway.upstreams.iam.endpoint=" + upstream.url() + "/iam",
					// The upstream holds the calls until the test releases them: no
					// attempt may time out.
					"--gateway.upstreams.vpc.response-timeout=60s", "--gateway.upstreams.vpc.retry.deadline=90s",
					"--gateway.upstreams.hss.response-timeout=60s", "--gateway.upstreams.hss.retry.deadline=90s");
	}

	private CompletableFuture<HttpResponse<String>> send(int port, String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	private static boolean connectionRefused(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return false;
		}
		catch (ConnectException ex) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * An upstream that answers only when released, so that calls are provably in flight.
	 */
	private static final class SlowUpstream implements AutoCloseable {

		final CountDownLatch arrived;

		final CountDownLatch release = new CountDownLatch(1);

		private final HttpServer server;

		private final ExecutorService executor = Executors.newCachedThreadPool();

		SlowUpstream(int calls) throws IOException {
			this.arrived = new CountDownLatch(calls);
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.setExecutor(this.executor);
			this.server.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				this.arrived.countDown();
				try {
					this.release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				byte[] answer = UPSTREAM_ANSWER.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		@Override
		public void close() {
			this.release.countDown();
			this.server.stop(0);
			this.executor.shutdownNow();
		}

	}

}
