package dev.secgroup.gateway.audit;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.observability.Scrape;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit events written are counted per operation and outcome ({@code success},
 * {@code denied}, {@code rejected}, {@code failed}), and refusals by Spring Security keep
 * their operation's route in {@code http.server.requests}.
 */
class AuditMetricsTest extends SecuredGatewayTestSupport {

	private static final String EVENTS = "gateway_audit_events_total";

	private static final String VPC = "vpc:AddSecurityGroups";

	private static final String SERVER = "http_server_requests_seconds_count";

	private static final String VPC_ROUTE = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	@Test
	void eventsAreCountedByOperationAndOutcome() {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		Scrape before = scrape();

		assertThat(sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY).statusCode()).isEqualTo(200);
		assertThat(sendWithKey("PUT", VPC_PATH, null, VPC_BODY).statusCode()).isEqualTo(401);
		assertThat(sendWithKey("PUT", VPC_PATH, KEY_C, VPC_BODY).statusCode()).isEqualTo(403);
		assertThat(sendWithKey("PUT", VPC_PATH, KEY_A, "{}").statusCode()).isEqualTo(400);
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(500)));
		assertThat(sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY).statusCode()).isEqualTo(502);

		Scrape.eventually(this::scrape, after -> {
			assertThat(increase(before, after, EVENTS, "operation", VPC, "outcome", "success")).isEqualTo(1);
			assertThat(increase(before, after, EVENTS, "operation", VPC, "outcome", "denied")).isEqualTo(2);
			assertThat(increase(before, after, EVENTS, "operation", VPC, "outcome", "rejected")).isEqualTo(1);
			assertThat(increase(before, after, EVENTS, "operation", VPC, "outcome", "failed")).isEqualTo(1);
			assertThat(increase(before, after, "gateway_audit_failures_total", "operation", VPC)).isZero();
			assertThat(increase(before, after, SERVER, "uri", VPC_ROUTE, "status", "401")).isEqualTo(1);
			assertThat(increase(before, after, SERVER, "uri", VPC_ROUTE, "status", "403")).isEqualTo(1);
		});
	}

	/**
	 * Prometheus is public; a client's key sent along changes nothing.
	 */
	private Scrape scrape() {
		return Scrape.of(managementPort, "X-Api-Key", KEY_B);
	}

	private static double increase(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

}
