package dev.secgroup.gateway.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No label value of any series carries a project, port, cluster or request id, whatever
 * the calls: 50 calls with distinct ids (successes, upstream errors, validation errors,
 * unknown paths) add no series per id.
 */
class TagCardinalityTest extends GatewayTestSupport {

	private static final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

	@Test
	void fiftyCallsWithDistinctIdsLeaveNoIdInAnyLabel() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		upstream.stubFor(WireMock.post(urlPathMatching("/hss/.*"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error_code\":\"HSS.1001\",\"error_description\":\"no such cluster\"}")));
		Scrape before = Scrape.of(managementPort);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String project = hex(32);
			String resource = hex(8) + "-" + hex(4) + "-" + hex(12);
			ids.add(project);
			ids.add(resource);
			switch (i % 4) {
				case 0 -> put("/v3/" + project + "/ports/" + resource + "/insert-security-groups", VPC_BODY);
				case 1 ->
					post("/v5/" + project + "/container-network/" + resource + "/monitoring/security-group-policy",
							HSS_BODY);
				case 2 -> put("/v3/" + project + "/ports/" + resource + "/insert-security-groups", "{}");
				default -> send("GET", "/v3/" + project + "/ports/" + resource, null, null);
			}
		}

		Scrape.eventually(managementPort, scrape -> assertNoIds(before, scrape, ids));
	}

	private static void assertNoIds(Scrape before, Scrape scrape, List<String> ids) {
		Set<String> values = scrape.all()
			.stream()
			.flatMap(s -> s.labels().values().stream())
			.collect(Collectors.toSet());
		for (String id : ids) {
			assertThat(values).noneMatch(value -> value.contains(id));
		}
		assertThat(values).noneMatch(value -> value.matches(".*[0-9a-f]{32}.*"));
		assertThat(
				scrape.value("http_server_requests_seconds_count") - before.value("http_server_requests_seconds_count"))
			.as("every call recorded")
			.isGreaterThanOrEqualTo(50);
		// A handful of new (route, status, outcome) series at most, never one per id.
		for (String timer : new String[] { "http_server_requests_seconds_count",
				"http_client_requests_seconds_count" }) {
			assertThat(scrape.named(timer).size() - before.named(timer).size()).as(timer).isLessThanOrEqualTo(5);
		}
	}

	private static String hex(int length) {
		StringBuilder hex = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			hex.append(Character.forDigit(random.nextInt(16), 16));
		}
		return hex.toString();
	}

}
