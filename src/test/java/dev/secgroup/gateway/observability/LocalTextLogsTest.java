package dev.secgroup.gateway.observability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.secgroup.gateway.SecgroupGatewayApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the {@code local} profile (a fresh checkout's {@code spring-boot:run}) logs are
 * readable text, each line with the trace, span and request ids in the same names as the
 * JSON members. The log format is chosen once per JVM (and every context of the test JVM
 * logs JSON, see {@code src/test/resources/config/application-local.yaml}), so this runs
 * the gateway as built, in a JVM of its own.
 */
class LocalTextLogsTest {

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final String VPC_PATH = "/v3/" + PROJECT
			+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";

	private Process gateway;

	@AfterEach
	void stop() throws InterruptedException {
		if (gateway != null) {
			gateway.destroy();
			if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
				gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void localLogsAreTextWithTraceSpanAndRequestIds(@TempDir Path work) throws Exception {
		int apiPort = freePort();
		int managementPort = freePort();
		Path stdout = work.resolve("stdout.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		gateway = new ProcessBuilder(java, "-cp", applicationClassPath(), SecgroupGatewayApplication.class.getName(),
				"--spring.profiles.active=local", "--server.port=" + apiPort,
				"--management.server.port=" + managementPort, "--spring.jmx.enabled=false")
			.redirectOutput(stdout.toFile())
			.redirectErrorStream(true)
			.start();
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.failFast("the gateway exited", () -> !gateway.isAlive())
			.until(() -> Scrape.get(managementPort, "/actuator/health/readiness").statusCode() == 200);

		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + VPC_PATH))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(
						"{\"port\":{\"security_groups\":[\"a0608cbf-d047-4f54-8b28-cd7b59853fff\"]},\"dry_run\":true}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(202);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		Pattern accessLine = Pattern.compile(".* INFO .*\\[trace_id=[0-9a-f]{32} span_id=[0-9a-f]{16} request_id="
				+ Pattern.quote(requestId) + "\\] dev\\.secgroup\\.gateway\\.access +: PUT "
				+ Pattern.quote("/v3/{project_id}/ports/{port_id}/insert-security-groups") + " 202 \\d+ms client=-");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(Files.readAllLines(stdout)).anyMatch(line -> accessLine.matcher(line).matches()));
		List<String> lines = Files.readAllLines(stdout);
		assertThat(lines).filteredOn(line -> line.startsWith("{\"@timestamp\"")).isEmpty();
	}

	/**
	 * The test JVM's class path without the test classes and resources: the application
	 * as built.
	 */
	private static String applicationClassPath() {
		Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
