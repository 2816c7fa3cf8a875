package dev.secgroup.gateway.deployment;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.secgroup.gateway.deployment.HelmCharts.mount;
import static dev.secgroup.gateway.deployment.HelmCharts.volume;
import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static dev.secgroup.gateway.deployment.RenderedChart.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets reach the pod only by reference: secretKeyRef, placeholders and a config tree.
 * Rendered by Helm's own engine ({@link HelmCharts}); tagged {@code helm}: runs in its
 * own surefire JVM.
 */
@Tag("helm")
class HelmChartSecretsTest {

	private static final KnownProperties properties = HelmCharts.properties();

	private static final RenderedChart defaults = HelmCharts.defaults();

	private static final RenderedChart full = HelmCharts.full();

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void secretsReachThePodOnlyByReference(String name, RenderedChart chart) {
		Pattern secretish = Pattern.compile("(?i)(secret|password|token|access.?key|api.?key)");

		chart.env().forEach((variable, entry) -> {
			if (secretish.matcher(variable).find()) {
				assertThat(entry).as(variable).doesNotContainKey("value");
				assertThat(at(entry, "valueFrom.secretKeyRef.name")).as(variable).isNotNull();
			}
		});
		RenderedChart.flatten(chart.applicationConfig()).forEach((key, value) -> {
			if (secretish.matcher(key.replaceAll(".*\\.", "")).find() && !key.endsWith("id-token-file")) {
				assertThat(String.valueOf(value)).as("%s in the ConfigMap", key).matches("\\$\\{[A-Z0-9_]+}");
			}
		});
	}

	@Test
	void akskCredentialsComeFromTheExistingSecret() {
		RenderedChart chart = RenderedChart.render(Map.of("gateway.credentials.existingSecret", "huawei-aksk",
				"gateway.credentials.secretKeys.securityToken", "security-token"));
		Map<String, Map<String, Object>> env = chart.env();

		for (String variable : List.of("GATEWAY_CREDENTIALS_ACCESS_KEY", "GATEWAY_CREDENTIALS_SECRET_KEY",
				"GATEWAY_CREDENTIALS_SECURITY_TOKEN")) {
			assertThat(at(env.get(variable), "valueFrom.secretKeyRef.name")).as(variable).isEqualTo("huawei-aksk");
		}
		assertThat(at(env.get("GATEWAY_CREDENTIALS_ACCESS_KEY"), "valueFrom.secretKeyRef.key")).isEqualTo("access-key");
		assertThat(at(env.get("GATEWAY_CREDENTIALS_SECURITY_TOKEN"), "valueFrom.secretKeyRef.optional"))
			.isEqualTo(true);
		assertThat(properties.propertyOfEnvironmentVariable("GATEWAY_CREDENTIALS_SECRET_KEY"))
			.contains("gateway.credentials.secret-key");
		assertThat(at(chart.applicationConfig(), "gateway.credentials.mode")).isEqualTo("aksk");
	}

	@Test
	void passwordModeTakesOnlyThePasswordFromTheSecret() {
		RenderedChart chart = RenderedChart
			.render(Map.of("gateway.credentials.mode", "password", "gateway.credentials.password.userName",
					"svc-gateway", "gateway.credentials.password.domainName", "acme"));

		assertThat(at(chart.env().get("GATEWAY_CREDENTIALS_PASSWORD"), "valueFrom.secretKeyRef.name"))
			.isEqualTo("gw-secgroup-gateway-credentials");
		assertThat(chart.env()).doesNotContainKeys("GATEWAY_CREDENTIALS_ACCESS_KEY", "GATEWAY_CREDENTIALS_SECRET_KEY");
		assertThat(map(at(chart.applicationConfig(), "gateway.credentials"))).containsEntry("user-name", "svc-gateway")
			.containsEntry("domain-name", "acme")
			.doesNotContainKey("password");
	}

	@Test
	void apiKeyHashesComeFromTheSecretIntoTheClientsList() {
		Map<String, Map<String, Object>> env = full.env();
		List<Object> clients = list(at(full.applicationConfig(), "gateway.security.clients"));

		assertThat(clients).hasSize(3);
		for (int i = 0; i < 2; i++) {
			String variable = "SECGROUP_GATEWAY_CLIENT_" + i + "_API_KEY_SHA256";
			assertThat(at(clients.get(i), "api-key-sha256")).isEqualTo("${" + variable + "}");
			assertThat(at(env.get(variable), "valueFrom.secretKeyRef.name")).isEqualTo("gw-api-keys");
		}
		assertThat(at(env.get("SECGROUP_GATEWAY_CLIENT_0_API_KEY_SHA256"), "valueFrom.secretKeyRef.key"))
			.isEqualTo("orders.sha256");
		assertThat(at(clients.get(1), "operations"))
			.isEqualTo(List.of("vpc:AddSecurityGroups", "hss:CreateSecurityGroupPolicy"));
	}

	@Test
	void aRotatingClientsPreviousKeyHashComesFromTheSecretBesideTheNewOne() {
		RenderedChart chart = RenderedChart.render(Map.of("gateway.security.clients[0].name", "orders",
				"gateway.security.clients[0].projects[0]", "*", "gateway.security.clients[0].operations[0]",
				"vpc:AddSecurityGroups", "gateway.security.clients[0].apiKeySha256SecretKey", "orders.sha256",
				"gateway.security.clients[0].previousApiKeySha256SecretKey", "orders-previous.sha256"));
		Object orders = list(at(chart.applicationConfig(), "gateway.security.clients")).get(0);

		assertThat(map(orders)).containsEntry("api-key-sha256", "${SECGROUP_GATEWAY_CLIENT_0_API_KEY_SHA256}")
			.containsEntry("previous-api-key-sha256", "${SECGROUP_GATEWAY_CLIENT_0_PREVIOUS_API_KEY_SHA256}");
		assertThat(at(chart.env().get("SECGROUP_GATEWAY_CLIENT_0_PREVIOUS_API_KEY_SHA256"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "gw-secgroup-gateway-api-keys", "key", "orders-previous.sha256"));
		assertThat(list(at(full.applicationConfig(), "gateway.security.clients")))
			.allSatisfy(client -> assertThat(map(client)).doesNotContainKey("previous-api-key-sha256"));
	}

	@Test
	void akskClientsTakeTheirAccessKeyAndSecretKeyFromTheSecret() {
		Map<String, Map<String, Object>> env = full.env();
		Object sdkClient = list(at(full.applicationConfig(), "gateway.security.clients")).get(2);

		assertThat(at(full.applicationConfig(), "gateway.security.mode")).isEqualTo("api-key,aksk");
		assertThat(map(sdkClient)).containsEntry("name", "billing-sdk")
			.containsEntry("access-key", "${SECGROUP_GATEWAY_CLIENT_2_ACCESS_KEY}")
			.containsEntry("secret-key", "${SECGROUP_GATEWAY_CLIENT_2_SECRET_KEY}")
			.doesNotContainKey("api-key-sha256");
		assertThat(at(env.get("SECGROUP_GATEWAY_CLIENT_2_ACCESS_KEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "gw-api-keys", "key", "billing-sdk.ak"));
		assertThat(at(env.get("SECGROUP_GATEWAY_CLIENT_2_SECRET_KEY"), "valueFrom.secretKeyRef"))
			.isEqualTo(Map.of("name", "gw-api-keys", "key", "billing-sdk.sk"));
		assertThat(env).doesNotContainKeys("SECGROUP_GATEWAY_CLIENT_2_API_KEY_SHA256",
				"SECGROUP_GATEWAY_CLIENT_0_ACCESS_KEY", "SECGROUP_GATEWAY_CLIENT_0_SECRET_KEY");
	}

	@Test
	void anAkskOnlyGatewayNeedsNoApiKeyHash() {
		RenderedChart chart = RenderedChart
			.render(Map.of("gateway.security.mode", "aksk", "gateway.security.clients[0].name", "billing-sdk",
					"gateway.security.clients[0].projects[0]", "*", "gateway.security.clients[0].operations[0]",
					"vpc:AddSecurityGroups", "gateway.security.clients[0].accessKeySecretKey", "ak",
					"gateway.security.clients[0].secretKeySecretKey", "sk"));

		assertThat(at(chart.applicationConfig(), "gateway.security.mode")).isEqualTo("aksk");
		assertThat(at(chart.env().get("SECGROUP_GATEWAY_CLIENT_0_SECRET_KEY"), "valueFrom.secretKeyRef.name"))
			.isEqualTo("gw-secgroup-gateway-api-keys");
		assertThat(chart.env()).doesNotContainKey("SECGROUP_GATEWAY_CLIENT_0_API_KEY_SHA256");
		assertThat(chart.text()).doesNotContain("security.jwt");
	}

	@Test
	void configTreeSecretIsMountedReadOnlyAndImported() {
		Map<String, Object> mount = mount(full, "secrets");

		assertThat(at(mount, "mountPath")).isEqualTo("/etc/secgroup-gateway/secrets/");
		assertThat(at(volume(full, "secrets"), "secret.secretName")).isEqualTo("gw-config-tree");
		assertThat(at(full.applicationConfig(), "spring.config.import"))
			.isEqualTo("optional:configtree:/etc/secgroup-gateway/secrets/");
		assertThat(at(defaults.applicationConfig(), "spring.config")).isNull();
	}

}
