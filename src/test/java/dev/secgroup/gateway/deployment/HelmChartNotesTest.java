package dev.secgroup.gateway.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code helm install} prints (NOTES.txt) tells the operator how callers
 * authenticate and where their credentials are read from. A dry run, client only:
 * rendered by Helm's own engine; tagged {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartNotesTest {

	@Test
	void notesNameTheSecretOfEveryInboundModeInUse() {
		String notes = install().withValuesFile(HelmCharts.FULL_VALUES).call().getOutput();

		assertThat(notes).contains("Inbound authentication: mode api-key,aksk.")
			.contains("X-Api-Key header; the hashes are read from Secret gw-api-keys")
			.contains("access key and secret key the gateway", "both are read from Secret gw-api-keys");
	}

	@Test
	void notesWarnWhenNoClientIsConfigured() {
		String notes = install().set("gateway.security.mode", "aksk").call().getOutput();

		assertThat(notes).contains("WARNING: no client is configured");
	}

	private static InstallCommand install() {
		return new Helm(DeploymentContract.CHART_DIR).install()
			.withName("gw")
			.withNamespace("gateway")
			.withKubeVersion(RenderedChart.KUBE_VERSION)
			.dryRun()
			.clientOnly();
	}

}
