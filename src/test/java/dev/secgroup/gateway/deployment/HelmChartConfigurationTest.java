package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import dev.secgroup.gateway.upstream.UpstreamProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static dev.secgroup.gateway.deployment.HelmCharts.reportNotYetBound;
import static dev.secgroup.gateway.deployment.RenderedChart.at;
import static dev.secgroup.gateway.deployment.RenderedChart.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ConfigMap and the environment set only properties the application binds (its
 * configuration metadata). Rendered by Helm's own engine ({@link HelmCharts}); tagged
 * {@code helm}: runs in its own surefire JVM.
 */
@Tag("helm")
class HelmChartConfigurationTest {

	private static final KnownProperties properties = HelmCharts.properties();

	private static final RenderedChart defaults = HelmCharts.defaults();

	static Stream<Arguments> valueSets() {
		return HelmCharts.valueSets();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyConfigurationKeyIsAPropertyTheApplicationBinds(String name, RenderedChart chart) {
		Map<String, Object> flat = RenderedChart.flatten(chart.applicationConfig());

		assertThat(flat.keySet()).isNotEmpty()
			.allSatisfy(key -> assertThat(properties.isKnown(key))
				.as("%s is not a property the application binds (configuration metadata)", key)
				.isTrue());
		reportNotYetBound(name, flat.keySet());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valueSets")
	void everyEnvironmentVariableBindsAPropertyOrFeedsAPlaceholder(String name, RenderedChart chart) {
		String config = new Yaml().dump(chart.applicationConfig());
		// Read by the JVM, not by Spring; TZ is the full values' extraEnv example.
		List<String> jvm = List.of("JAVA_TOOL_OPTIONS", "TZ");

		assertThat(chart.env().keySet()).allSatisfy(variable -> {
			if (jvm.contains(variable)) {
				return;
			}
			Optional<String> property = properties.propertyOfEnvironmentVariable(variable);
			boolean placeholder = config.contains("${" + variable + "}");
			assertThat(property.isPresent() || placeholder)
				.as("%s binds no property (relaxed binding) and no ${...} in application.yaml uses it", variable)
				.isTrue();
		});
	}

	@Test
	void publicPathsKeepTheApplicationsDefaultsAndLetPrometheusScrape() throws Exception {
		Class<?> properties = Class.forName("dev.secgroup.gateway.security.GatewaySecurityProperties");
		String[] applicationDefaults = Arrays.stream(properties.getDeclaredConstructors()[0].getParameters())
			.filter(parameter -> parameter.getName().equals("publicPaths"))
			.findFirst()
			.orElseThrow()
			.getAnnotation(DefaultValue.class)
			.value();
		List<Object> chart = list(at(defaults.applicationConfig(), "gateway.security.public-paths"));

		assertThat(chart).contains((Object[]) applicationDefaults).contains(DeploymentContract.PROMETHEUS_PATH);
		assertThat(chart).as("never a mirrored operation")
			.allSatisfy(path -> assertThat((String) path)
				.matches("/actuator/(health|prometheus)(/.*)?|/v3/api-docs.*|/swagger-ui.*"));
	}

	/**
	 * The timeouts the chart sets by default are the application's own (application.yaml
	 * over the records' defaults): installing the chart must not change them unasked.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("upstreamNames")
	void upstreamTimeoutsKeepTheApplicationsDefaults(String name) throws Exception {
		UpstreamProperties.Upstream application = applicationDefaults().require(name);
		String prefix = "gateway.upstreams." + name + ".";

		assertThat(duration(at(defaults.applicationConfig(), prefix + "connect-timeout")))
			.isEqualTo(application.connectTimeout());
		assertThat(duration(at(defaults.applicationConfig(), prefix + "response-timeout")))
			.isEqualTo(application.responseTimeout());
	}

	static Stream<String> upstreamNames() {
		return Stream.of("iam", "vpc", "hss");
	}

	@Test
	void crossCheckRefusesAPropertyTheApplicationDoesNotBind() {
		assertThat(properties.ownPropertyCount()).as("gateway.* properties in the generated metadata")
			.isGreaterThanOrEqualTo(3);
		assertThat(properties.isKnown("gateway.upstreams.vpc.connect-timeout")).isTrue();
		assertThat(properties.isKnown("gateway.upstreams.vpc.connectTimeout")).isTrue();
		assertThat(properties.isKnown("gateway.upstreams.vpc.retry.max-attempts")).isTrue();
		assertThat(properties.isKnown("gateway.projects.abc.region")).isTrue();
		assertThat(properties.isKnown("server.port")).isTrue();
		assertThat(properties.isKnown("resilience4j.circuitbreaker.instances.vpc.wait-duration-in-open-state"))
			.isTrue();

		assertThat(properties.isKnown("gateway.upstreams.vpc.retry.max-atempts")).isFalse();
		assertThat(properties.isKnown("gateway.upstreams.vpc.timeout")).isFalse();
		assertThat(properties.isKnown("gateway.regoin")).isFalse();
		assertThat(properties.isKnown("server.prot")).isFalse();
		assertThat(properties.isKnown("management.server.prot")).isFalse();
		assertThat(properties.propertyOfEnvironmentVariable("SPRING_PROFILES_ACTIVE"))
			.contains("spring.profiles.active");
		assertThat(properties.propertyOfEnvironmentVariable("GATEWAY_UPSTREAMS")).contains("gateway.upstreams");
		assertThat(properties.propertyOfEnvironmentVariable("GATEWAY_REGOIN")).isEmpty();
	}

	/** The upstream settings the packaged application.yaml gives, defaults included. */
	private static UpstreamProperties applicationDefaults() throws IOException {
		List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml",
				new ClassPathResource("application.yaml"));
		return new Binder(ConfigurationPropertySources.from(yaml)).bind("gateway", UpstreamProperties.class).get();
	}

	private static Duration duration(Object value) {
		return DurationStyle.detectAndParse(String.valueOf(value));
	}

}
