package dev.secgroup.gateway.deployment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart passes a client's resource grants (security groups, clusters, namespaces)
 * into the configuration, leaves them out when not given (no restriction), and its schema
 * refuses a malformed entry.
 */
@Tag("helm")
class HelmResourceGrantsTest {

	private static final Path FULL_VALUES = DeploymentContract.PROJECT_DIR
		.resolve("src/test/resources/helm/full-values.yaml");

	@Test
	void resourceGrantsReachTheClientsConfiguration() {
		List<Object> clients = list(
				at(RenderedChart.render(FULL_VALUES).applicationConfig(), "gateway.security.clients"));

		Object orders = clients.get(0);
		assertThat(at(orders, "security-groups"))
			.isEqualTo(List.of("sg-orders-*", "8edd3747-ccd4-49a1-82b9-a165eec314b4"));
		assertThat(at(orders, "clusters")).isEqualTo(List.of("4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08"));
		assertThat(at(orders, "namespaces")).isEqualTo(List.of("orders", "orders-*"));
		Object platform = clients.get(1);
		assertThat(at(platform, "security-groups")).isNull();
		assertThat(at(platform, "clusters")).isNull();
		assertThat(at(platform, "namespaces")).isNull();
	}

	@Test
	void theSchemaRefusesAMalformedResourcePattern() {
		String refusal = RenderedChart.refusal(Map.of("gateway.security.clients[0].name", "orders",
				"gateway.security.clients[0].projects[0]", "*", "gateway.security.clients[0].operations[0]",
				"vpc:AddSecurityGroups", "gateway.security.clients[0].apiKeySha256SecretKey", "orders.sha256",
				"gateway.security.clients[0].securityGroups[0]", "sg.web"));

		assertThat(refusal).contains("schema").contains("/gateway/security/clients/0/securityGroups/0");
	}

}
