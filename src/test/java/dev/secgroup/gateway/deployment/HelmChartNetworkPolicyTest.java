package dev.secgroup.gateway.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicy: the API only from allowed namespaces, management from monitoring,
 * egress DNS and HTTPS only. Rendered by Helm's own engine ({@link HelmCharts}); tagged
 * {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartNetworkPolicyTest {

	private static final RenderedChart defaults = HelmCharts.defaults();

	private static final RenderedChart full = HelmCharts.full();

	@Test
	void networkPolicyLetsOnlyTheOwnNamespaceCallTheApiByDefault() {
		Map<String, Object> policy = defaults.one("NetworkPolicy");

		assertThat(list(at(policy, "spec.policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
		assertThat(at(policy, "spec.ingress[0].ports[0].port")).isEqualTo(DeploymentContract.API_PORT);
		assertThat(list(at(policy, "spec.ingress[0].from"))).singleElement()
			.satisfies(peer -> assertThat(peer).isEqualTo(Map.of("podSelector", Map.of())));
		assertThat(at(policy, "spec.ingress[1].ports[0].port")).isEqualTo(DeploymentContract.MANAGEMENT_PORT);
		assertThat(at(policy, "spec.ingress[1].from[0].namespaceSelector.matchLabels"))
			.isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
		assertThat(list(at(policy, "spec.ingress"))).hasSize(2);
	}

	@Test
	void networkPolicyOpensTheApiToTheAllowedNamespaces() {
		Map<String, Object> policy = full.one("NetworkPolicy");

		assertThat(at(policy, "spec.ingress[0].from[0].namespaceSelector.matchExpressions[0]")).isEqualTo(Map.of("key",
				"kubernetes.io/metadata.name", "operator", "In", "values", List.of("orders", "platform-ci")));
		assertThat(at(policy, "spec.ingress[0].from[1].ipBlock.cidr")).isEqualTo("10.20.0.0/16");
		assertThat(at(policy, "spec.ingress[1].from[0].namespaceSelector.matchLabels"))
			.isEqualTo(Map.of("kubernetes.io/metadata.name", "observability"));
	}

	@Test
	void networkPolicyLetsOutOnlyDnsAndHttps() {
		Map<String, Object> policy = defaults.one("NetworkPolicy");
		List<Object> egress = list(at(policy, "spec.egress"));

		assertThat(egress).hasSize(2);
		assertThat(list(at(egress.get(0), "ports"))).containsExactlyInAnyOrder(Map.of("port", 53, "protocol", "UDP"),
				Map.of("port", 53, "protocol", "TCP"));
		assertThat(at(egress.get(0), "to[0].podSelector.matchLabels")).isEqualTo(Map.of("k8s-app", "kube-dns"));
		assertThat(list(at(egress.get(1), "ports"))).containsExactly(Map.of("port", 443, "protocol", "TCP"));
	}

}
