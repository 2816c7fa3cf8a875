package dev.secgroup.gateway.observability;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upstream that is down opens its circuit, which Prometheus and
 * {@code /actuator/health} details show, while liveness and readiness stay UP: a down
 * upstream must not take every replica out of the Service (nor restart them).
 */
class UpstreamDownReadinessTest extends GatewayTestSupport {

	@Test
	void readinessStaysUpWhileTheUpstreamIsDownAndItsCircuitOpen() {
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		// Three attempts per call: the tenth failed attempt (in the fourth call) opens
		// the circuit.
		for (int i = 0; i < 4; i++) {
			assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isIn(502, 503);
		}
		assertThat(circuitBreakers.circuitBreaker("vpc").getState()).isEqualTo(CircuitBreaker.State.OPEN);
		Scrape before = Scrape.of(managementPort);

		assertThat(put(VPC_PATH, VPC_BODY).statusCode()).isEqualTo(503);

		Scrape after = Scrape.of(managementPort);
		assertThat(after.value("resilience4j_circuitbreaker_state", "name", "vpc", "state", "open")).isEqualTo(1);
		assertThat(after.value("resilience4j_circuitbreaker_state", "name", "vpc", "state", "closed")).isZero();
		assertThat(after.value("resilience4j_circuitbreaker_state", "name", "hss", "state", "closed")).isEqualTo(1);
		assertThat(after.value("resilience4j_circuitbreaker_not_permitted_calls_total", "name", "vpc")
				- before.value("resilience4j_circuitbreaker_not_permitted_calls_total", "name", "vpc"))
			.isEqualTo(1);

		HttpResponse<String> readiness = Scrape.get(managementPort, "/actuator/health/readiness");
		HttpResponse<String> liveness = Scrape.get(managementPort, "/actuator/health/liveness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(parse(readiness.body()).path("status").asString()).isEqualTo("UP");
		assertThat(parse(readiness.body()).path("components").has("circuitBreakers")).isFalse();
		assertThat(liveness.statusCode()).isEqualTo(200);

		HttpResponse<String> health = Scrape.get(managementPort, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode circuits = parse(health.body()).path("components").path("circuitBreakers").path("details");
		assertThat(circuits.path("vpc").path("status").asString()).isEqualTo("CIRCUIT_OPEN");
		assertThat(circuits.path("vpc").path("details").path("state").asString()).isEqualTo("OPEN");
		assertThat(circuits.path("hss").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void readinessIsTheGatewaysOwnStateAndCredentials() {
		HttpResponse<String> readiness = Scrape.get(managementPort, "/actuator/health/readiness");

		JsonNode components = parse(readiness.body()).path("components");
		assertThat(components.propertyNames()).containsExactlyInAnyOrder("readinessState", "credentials");
		assertThat(components.path("credentials").path("details").path("mode").asString()).isEqualTo("aksk");
	}

}
