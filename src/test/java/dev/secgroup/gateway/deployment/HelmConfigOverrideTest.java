package dev.secgroup.gateway.deployment;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's free-form {@code config:} (merged over the generated application.yaml) and
 * {@code extraEnv} cannot re-enable what its values and schema forbid (review A19): the
 * local profile, mode {@code none} without {@code allowUnauthenticated}, plain-http
 * upstreams or issuers, forwarded-header trust. The API Service stays ClusterIP by
 * default.
 */
@Tag("helm")
class HelmConfigOverrideTest {

	static Stream<Arguments> bypasses() {
		return Stream.of(Arguments.of(Map.of("config.spring.profiles.include", "local"), "config.spring.profiles"),
				Arguments.of(Map.of("config.spring.profiles.active", "local"), "config.spring.profiles"),
				Arguments.of(Map.of("config.gateway.security.mode", "none"), "config.gateway.security.mode none"),
				Arguments.of(Map.of("config.gateway.security.allow-unauthenticated-outside-local", true),
						"allow-unauthenticated-outside-local"),
				Arguments.of(Map.of("config.gateway.security.allowUnauthenticatedOutsideLocal", true),
						"allow-unauthenticated-outside-local"),
				Arguments.of(Map.of("config.gateway.upstream-policy.allow-http", true),
						"config.gateway.upstream-policy"),
				Arguments.of(Map.of("config.gateway.security.jwt.allow-http", true), "jwt.allow-http"),
				Arguments.of(Map.of("config.server.forward-headers-strategy", "native"), "forward-headers-strategy"),
				Arguments.of(Map.of("config.server.tomcat.remoteip.internal-proxies", ".*"), "remoteip"),
				Arguments.of(Map.of("extraEnv[0].name", "SPRING_PROFILES_INCLUDE", "extraEnv[0].value", "local"),
						"SPRING_PROFILES_INCLUDE"),
				Arguments.of(
						Map.of("config.gateway.security.clients[0].name", "billing-sdk",
								"config.gateway.security.clients[0].secret-key", "a-secret-key-written-in-values"),
						"secret-key is not allowed"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bypasses")
	void configCannotReEnableWhatTheValuesForbid(Map<String, Object> values, String named) {
		assertThat(RenderedChart.refusal(values)).contains(named);
	}

	@Test
	void modeNoneThroughConfigIsAcceptedOnlyWhenTheValuesAllowIt() {
		RenderedChart chart = RenderedChart
			.render(Map.of("config.gateway.security.mode", "none", "gateway.security.allowUnauthenticated", true));

		assertThat(RenderedChart.at(chart.applicationConfig(), "gateway.security.mode")).isEqualTo("none");
	}

	@Test
	void harmlessOverridesStillWork() {
		RenderedChart chart = RenderedChart.render(Map.of("config.gateway.upstreams.vpc.retry.max-attempts", 5));

		assertThat(RenderedChart.at(chart.applicationConfig(), "gateway.upstreams.vpc.retry.max-attempts"))
			.isEqualTo(5);
	}

	@Test
	void theManagementKeyHashComesFromTheSecretOnly() {
		RenderedChart chart = RenderedChart
			.render(Map.of("gateway.security.managementKeySha256SecretKey", "management"));

		Map<String, Object> variable = chart.env().get("GATEWAY_SECURITY_MANAGEMENT_APIKEYSHA256");
		assertThat(RenderedChart.at(variable, "valueFrom.secretKeyRef.key")).isEqualTo("management");
		assertThat(variable).doesNotContainKey("value");
		assertThat(RenderedChart.render(Map.of()).env()).doesNotContainKey("GATEWAY_SECURITY_MANAGEMENT_APIKEYSHA256");
	}

	@Test
	void trustedProxiesAreAValueWithASchema() {
		RenderedChart chart = RenderedChart.render(Map.of("gateway.security.trustedProxies[0]", "10.0.12.0/24"));

		assertThat(RenderedChart.at(chart.applicationConfig(), "gateway.security.trusted-proxies"))
			.isEqualTo(java.util.List.of("10.0.12.0/24"));
		assertThat(RenderedChart.at(RenderedChart.render(Map.of()).applicationConfig(), "gateway.security"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.doesNotContainKey("trusted-proxies");
		assertThat(RenderedChart.refusal(Map.of("gateway.security.trustedProxies[0]", "ingress.local")))
			.contains("trustedProxies");
	}

	@Test
	void theApiServiceIsClusterIpByDefault() {
		RenderedChart chart = RenderedChart.render(Map.of());
		String fullname = (String) RenderedChart.at(chart.deployment(), "metadata.name");

		assertThat(RenderedChart.at(chart.named("Service", fullname), "spec.type")).isEqualTo("ClusterIP");
	}

}
