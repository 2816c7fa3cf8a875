package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management port (review A12, A15, B13): health and Prometheus are public to probes
 * and the scraper; every other endpoint and the health details need the management key,
 * which no client's API key replaces.
 */
class ManagementEndpointSecurityTest extends SecuredGatewayTestSupport {

	private static final String[] PROTECTED = { "/actuator/metrics", "/actuator/info", "/actuator/circuitbreakers",
			"/actuator/retries" };

	@Test
	void healthAndPrometheusArePublic() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/prometheus" }) {
			assertThat(management(path).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void everyOtherEndpointRefusesStrangersAndEveryClientKey() {
		for (String path : PROTECTED) {
			HttpResponse<String> stranger = management(path);
			assertThat(stranger.statusCode()).as(path).isEqualTo(401);
			// No Accept header: errors are application/json with the problem members.
			assertThat(stranger.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
			for (String key : new String[] { KEY_A, KEY_B, KEY_C }) {
				assertThat(management(path, "X-Api-Key", key).statusCode()).as(path + " with a client key")
					.isIn(401, 403);
			}
			// A client's key offered as the management key is just a wrong key.
			assertThat(management(path, "X-Management-Key", KEY_B).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void theManagementKeyOpensEveryEndpoint() {
		for (String path : PROTECTED) {
			assertThat(management(path, "X-Management-Key", MANAGEMENT_KEY).statusCode()).as(path).isEqualTo(200);
		}
	}

	@Test
	void healthDetailsAreShownToTheManagementKeyOnly() {
		HttpResponse<String> open = management("/actuator/health");
		HttpResponse<String> withClientKey = management("/actuator/health", "X-Api-Key", KEY_B);
		HttpResponse<String> operator = management("/actuator/health", "X-Management-Key", MANAGEMENT_KEY);

		assertThat(parse(open.body()).has("components")).isFalse();
		assertThat(parse(withClientKey.body()).has("components")).isFalse();
		assertThat(open.body()).doesNotContain("endpoint", "idTokenFile");
		assertThat(parse(operator.body()).path("components").has("credentials")).isTrue();
	}

}
