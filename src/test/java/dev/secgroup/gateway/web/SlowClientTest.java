package dev.secgroup.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Review B8 (slowloris): clients that trickle header bytes, each well within Tomcat's
 * per-read {@code connection-timeout}, fill every connection the gateway accepts. The
 * header-read deadline closes each of them once it has been sending its request line and
 * headers for longer than {@code gateway.http.header-read-timeout}, and a normal caller
 * waiting in the accept queue is then served.
 */
@TestPropertySource(properties = { "server.tomcat.max-connections=3", "server.tomcat.connection-timeout=20s",
		"gateway.http.header-read-timeout=1s" })
class SlowClientTest extends GatewayTestSupport {

	private static final int SLOW_CLIENTS = 3;

	private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void closeEverything() throws IOException {
		trickle.shutdownNow();
		for (Socket socket : sockets) {
			socket.close();
		}
	}

	@Test
	void slowHeaderClientsAreClosedAtTheDeadlineAndANormalCallerIsServed() throws Exception {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		List<CompletableFuture<Long>> closedAfter = new ArrayList<>();
		AtomicInteger bytesTrickled = new AtomicInteger();
		for (int i = 0; i < SLOW_CLIENTS; i++) {
			Socket socket = new Socket("127.0.0.1", port);
			sockets.add(socket);
			long start = System.nanoTime();
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + VPC_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			closedAfter.add(CompletableFuture.supplyAsync(() -> waitForClose(socket, start)));
		}
		// One more header byte to each slow client every 100 ms: never idle long enough
		// for
		// the per-read timeout.
		trickle.scheduleWithFixedDelay(() -> {
			for (Socket socket : sockets) {
				try {
					socket.getOutputStream().write('x');
					socket.getOutputStream().flush();
					bytesTrickled.incrementAndGet();
				}
				catch (IOException closed) {
					// closed by the gateway: what the test waits for
				}
			}
		}, 100, 100, TimeUnit.MILLISECONDS);

		HttpResponse<String> normal = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + VPC_PATH))
				.timeout(Duration.ofSeconds(15))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(VPC_BODY))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(normal.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15)).until(() -> closedAfter.stream().allMatch(CompletableFuture::isDone));
		for (CompletableFuture<Long> closed : closedAfter) {
			// Closed by the deadline (1 s), not by the per-read timeout (20 s), while it
			// was
			// still sending.
			assertThat(Duration.ofNanos(closed.join())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(15));
		}
		assertThat(bytesTrickled.get()).isGreaterThan(SLOW_CLIENTS * 5);
	}

	/** Blocks until the gateway closes the connection; the time since the first byte. */
	private static long waitForClose(Socket socket, long start) {
		try {
			socket.setSoTimeout(30_000);
			InputStream in = socket.getInputStream();
			while (in.read() != -1) {
				// a late error answer, if any: read on until the connection closes
			}
		}
		catch (IOException reset) {
			// reset or timed out: the elapsed time tells which
		}
		return System.nanoTime() - start;
	}

}
