package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator lives on the management port only: on the API port every {@code /actuator}
 * path is an ordinary unknown path (404 problem+json), so nothing operational is
 * reachable through the API's Service or ingress.
 */
class ManagementPortTest extends GatewayTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
			"/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator/circuitbreakers",
			"/actuator/retries" })
	void isServedOnTheManagementPortOnly(String path) {
		HttpResponse<String> api = send("GET", path, null, null);
		HttpResponse<String> management = Scrape.get(managementPort, path);

		assertThat(managementPort).isNotEqualTo(port);
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(parse(api.body()).path("error_code").asString()).isEqualTo("GW.0404");
		assertThat(management.statusCode()).isEqualTo(200);
	}

	@Test
	void infoNamesTheBuildAndTheJvm() {
		HttpResponse<String> info = Scrape.get(managementPort, "/actuator/info");

		assertThat(parse(info.body()).path("build").path("version").asString()).isNotBlank();
		assertThat(parse(info.body()).path("java").path("version").asString()).isNotBlank();
	}

}
