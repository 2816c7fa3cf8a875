package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application really serves what the chart's probes and ServiceMonitor call
 * ({@link DeploymentContract}): the liveness and readiness health groups and Prometheus
 * on the management port, and none of them on the API port. The port is random here;
 * HelmChartPortsTest checks that the chart sets management.server.port to the port its
 * probes use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
class ManagementEndpointsTest {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int apiPort;

	@LocalManagementPort
	private int managementPort;

	@Test
	void livenessGroupIsUpOnTheManagementPort() {
		HttpResponse<String> response = get(managementPort, DeploymentContract.LIVENESS_PATH);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void readinessGroupIsUpOnTheManagementPort() {
		HttpResponse<String> response = get(managementPort, DeploymentContract.READINESS_PATH);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void prometheusServesTheSeriesTheDashboardUsesOnTheManagementPort() {
		HttpResponse<String> response = get(managementPort, DeploymentContract.PROMETHEUS_PATH);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes", "process_cpu_usage",
				"resilience4j_circuitbreaker_state");
	}

	@Test
	void managementEndpointsAreNotServedOnTheApiPort() {
		assertThat(managementPort).isNotEqualTo(apiPort);
		for (String path : new String[] { DeploymentContract.LIVENESS_PATH, DeploymentContract.READINESS_PATH,
				DeploymentContract.PROMETHEUS_PATH }) {
			assertThat(get(apiPort, path).statusCode()).as(path).isNotEqualTo(200);
		}
	}

	private static HttpResponse<String> get(int port, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
