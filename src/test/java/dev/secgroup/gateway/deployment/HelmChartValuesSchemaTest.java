package dev.secgroup.gateway.deployment;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values schema and the templates refuse invalid or inconsistent values with a
 * message naming them. Rendered by Helm's own engine ({@link HelmCharts}); tagged
 * {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartValuesSchemaTest {

	static Stream<Arguments> invalidValues() {
		return Stream.of(Arguments.of(Map.of("gateway.credentials.mode", "root-keys"), "/gateway/credentials/mode"),
				Arguments.of(Map.of("gateway.security.mode", "basic"), "/gateway/security/mode"),
				Arguments.of(Map.of("replicaCount", 0), "/replicaCount"),
				Arguments.of(Map.of("springProfiles[0]", "local"), "/springProfiles"),
				Arguments.of(Map.of("gateway.region", "EU West"), "/gateway/region"),
				Arguments.of(Map.of("gateway.upstreams.vpc.connectTimeout", "2 seconds"),
						"/gateway/upstreams/vpc/connectTimeout"),
				Arguments.of(Map.of("gateway.upstreams.vpc.endpoint", "vpc.example.com"),
						"/gateway/upstreams/vpc/endpoint"),
				Arguments.of(Map.of("containerPorts.management", 70000), "/containerPorts/management"),
				Arguments.of(
						Map.of("gateway.security.clients[0].name", "orders", "gateway.security.clients[0].projects[0]",
								"*", "gateway.security.clients[0].operations[0]", "vpc:DeletePort"),
						"/gateway/security/clients/0/operations/0"),
				Arguments.of(
						Map.of("extraEnv[0].name", "GATEWAY_CREDENTIALS_SECRET_KEY", "extraEnv[0].value", "plaintext"),
						"/extraEnv/0"),
				Arguments.of(Map.of("replicas", 3), "replicas"),
				Arguments.of(Map.of("gateway.security.mode", "api-key,basic"), "/gateway/security/mode"),
				Arguments.of(Map.of("gateway.security.mode", "none,aksk"), "/gateway/security/mode"),
				// A client's keys are never values: only the names of their keys in the
				// Secret.
				Arguments.of(akskClient("gateway.security.clients[0].secretKey", "a-secret-key-written-in-values"),
						"/gateway/security/clients/0"),
				Arguments.of(akskClient("gateway.security.clients[0].accessKey", "AKGATEWAY0001"),
						"/gateway/security/clients/0"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidValues")
	void schemaRefusesInvalidValues(Map<String, Object> values, String where) {
		String refusal = RenderedChart.refusal(values);

		assertThat(refusal).contains("schema").contains(where);
	}

	static Stream<Arguments> inconsistentValues() {
		return Stream.of(Arguments.of(Map.of("terminationGracePeriodSeconds", 20), "terminationGracePeriodSeconds"),
				Arguments.of(Map.of("gateway.credentials.mode", "oidc", "gateway.credentials.oidc.idpId", "idp"),
						"gateway.credentials.oidc.audience"),
				Arguments.of(Map.of("gateway.security.mode", "none"), "allowUnauthenticated"),
				Arguments.of(Map.of("gateway.security.mode", "jwt"), "gateway.security.jwt.issuerUri"),
				Arguments.of(
						Map.of("gateway.security.clients[0].name", "orders", "gateway.security.clients[0].projects[0]",
								"*", "gateway.security.clients[0].operations[0]", "vpc:AddSecurityGroups"),
						"apiKeySha256SecretKey"),
				Arguments.of(akskClient("gateway.security.clients[0].accessKeySecretKey", "ak"), "go together"),
				Arguments.of(akskClient("gateway.security.mode", "aksk"),
						"accessKeySecretKey and secretKeySecretKey are required in aksk mode"),
				Arguments.of(akskClient("gateway.security.mode", "api-key,aksk"),
						"needs apiKeySha256SecretKey, or accessKeySecretKey and secretKeySecretKey"),
				Arguments.of(Map.of("containerPorts.management", 8080), "containerPorts.management"),
				Arguments.of(Map.of("configTree.enabled", true), "configTree.existingSecret"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inconsistentValues")
	void chartRefusesInconsistentValuesWithAClearMessage(Map<String, Object> values, String named) {
		assertThat(RenderedChart.refusal(values)).contains(named);
	}

	/** A client granted VPC on every project, with one more value. */
	private static Map<String, Object> akskClient(String name, Object value) {
		return Map.of("gateway.security.clients[0].name", "billing-sdk", "gateway.security.clients[0].projects[0]", "*",
				"gateway.security.clients[0].operations[0]", "vpc:AddSecurityGroups", name, value);
	}

}
