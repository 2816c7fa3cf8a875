package dev.secgroup.gateway.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.secgroup.gateway.deployment.HelmCharts.mount;
import static dev.secgroup.gateway.deployment.HelmCharts.volume;
import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service account token is mounted only when something needs it; OIDC gets a
 * projected token. Rendered by Helm's own engine ({@link HelmCharts}); tagged
 * {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartServiceAccountTest {

	private static final RenderedChart defaults = HelmCharts.defaults();

	private static final RenderedChart full = HelmCharts.full();

	@Test
	void serviceAccountTokenIsNotMountedWhenNothingNeedsIt() {
		assertThat(at(defaults.one("ServiceAccount"), "automountServiceAccountToken")).isEqualTo(false);
		assertThat(defaults.podSpec().get("automountServiceAccountToken")).isEqualTo(false);
		assertThat(at(full.one("ServiceAccount"), "automountServiceAccountToken")).as("oidc + api-key")
			.isEqualTo(false);
		assertThat(full.podSpec().get("automountServiceAccountToken")).isEqualTo(false);
	}

	@Test
	void serviceAccountTokenIsMountedForJwtCallers() {
		RenderedChart chart = RenderedChart.render(Map.of("gateway.security.mode", "jwt",
				"gateway.security.jwt.issuerUri", "https://kubernetes.default.svc.cluster.local",
				"gateway.security.jwt.audiences[0]", "secgroup-gateway"));

		assertThat(at(chart.one("ServiceAccount"), "automountServiceAccountToken")).isEqualTo(true);
		assertThat(chart.podSpec().get("automountServiceAccountToken")).isEqualTo(true);
		assertThat(map(at(chart.applicationConfig(), "gateway.security.jwt")))
			.containsEntry("issuer-uri", "https://kubernetes.default.svc.cluster.local")
			.containsEntry("audiences", List.of("secgroup-gateway"));
	}

	@Test
	void oidcModeProjectsATokenWithTheConfiguredAudienceAndPointsTheGatewayAtIt() {
		Map<String, Object> token = map(at(volume(full, "oidc-token"), "projected.sources[0].serviceAccountToken"));
		Map<String, Object> mount = mount(full, "oidc-token");
		Map<String, Object> credentials = map(at(full.applicationConfig(), "gateway.credentials"));

		assertThat(token).containsEntry("audience", "huawei-iam-federation")
			.containsEntry("expirationSeconds", 1800)
			.containsEntry("path", "token");
		assertThat(credentials).containsEntry("mode", "oidc")
			.containsEntry("idp-id", "k8s-prod-cluster")
			.containsEntry("id-token-file", at(mount, "mountPath") + "/token");
		assertThat(defaults.podSpec().toString()).doesNotContain("serviceAccountToken");
	}

}
