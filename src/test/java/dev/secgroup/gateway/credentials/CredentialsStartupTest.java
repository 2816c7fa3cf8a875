package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.secgroup.gateway.SecgroupGatewayApplication;
import dev.secgroup.gateway.upstream.RegionProperties;
import dev.secgroup.gateway.upstream.UpstreamAuthenticator;
import dev.secgroup.gateway.upstream.UpstreamPolicyProperties;
import dev.secgroup.gateway.upstream.UpstreamProperties;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up refuses every incomplete or wrong credentials configuration with one message
 * naming the property (and never repeating a secret), and starts with each complete one.
 * The upstream and credentials configurations run for real in a small context; two cases
 * start the whole application to show the operator's report.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsStartupTest {

	static final String SECRET = "s3cret-value-never-repeated";

	@TempDir
	static Path dir;

	/** No upstream configured at all, as if application.yaml were empty. */
	private final ApplicationContextRunner bare = new ApplicationContextRunner()
		.withInitializer(
				context -> ((AnnotationConfigApplicationContext) context).scan("dev.secgroup.gateway.upstream"))
		.withUserConfiguration(Infrastructure.class, CredentialsConfiguration.class);

	private final ApplicationContextRunner runner = bare.withPropertyValues(
			"gateway.upstreams.iam.endpoint=https://iam.myhuaweicloud.com",
			"gateway.upstreams.vpc.endpoint=https://vpc.{region}.myhuaweicloud.com", "gateway.region=ap-southeast-1");

	static Stream<Arguments> incomplete() throws IOException {
		Path token = Files.writeString(dir.resolve("token.jwt"), "header.payload.signature");
		Path empty = Files.writeString(dir.resolve("empty.jwt"), " \n");
		List<Arguments> cases = new ArrayList<>();
		cases.add(Arguments.of("no mode", List.of(), "gateway.credentials.mode is not set"));
		String[] aksk = { "mode=aksk", "access-key=AK0123456789", "secret-key=" + SECRET };
		String[] password = { "mode=password", "user-name=robot", "password=" + SECRET, "domain-name=acme" };
		String[] oidc = { "mode=oidc", "idp-id=k8s", "id-token-file=" + token };
		for (String[] mode : List.of(aksk, password, oidc)) {
			for (int i = 1; i < mode.length; i++) {
				List<String> without = new ArrayList<>();
				for (int j = 0; j < mode.length; j++) {
					if (j != i) {
						without.add(mode[j]);
					}
				}
				String property = mode[i].substring(0, mode[i].indexOf('='));
				cases.add(Arguments.of(mode[0] + " without " + property, without,
						"gateway.credentials." + property + " is not set"));
				List<String> blank = new ArrayList<>(without);
				blank.add(property + "= ");
				cases.add(Arguments.of(mode[0] + " with blank " + property, blank,
						"gateway.credentials." + property + " is not set"));
			}
		}
		cases.add(Arguments.of("oidc with a missing token file",
				List.of("mode=oidc", "idp-id=k8s", "id-token-file=" + dir.resolve("absent.jwt")),
				"gateway.credentials.id-token-file cannot be read: " + dir.resolve("absent.jwt")));
		cases.add(Arguments.of("oidc with an empty token file",
				List.of("mode=oidc", "idp-id=k8s", "id-token-file=" + empty),
				"gateway.credentials.id-token-file is empty"));
		cases.add(Arguments.of("aksk with a space in the access key",
				List.of("mode=aksk", "access-key=AK 0123", "secret-key=" + SECRET),
				"gateway.credentials.access-key must not contain whitespace"));
		cases.add(Arguments.of("password with a zero refresh margin",
				List.of("mode=password", "user-name=robot", "password=" + SECRET, "domain-name=acme",
						"token-refresh-margin=0s"),
				"gateway.credentials.token-refresh-margin must be a positive duration"));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("incomplete")
	void refusesToStartNamingTheProperty(String name, List<String> properties, String message) {
		runner.withPropertyValues(prefixed(properties)).run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidCredentialsConfigurationException.class)
				.hasMessageContaining(message)
				.message()
				.doesNotContain(SECRET);
		});
	}

	@Test
	void namesAllMissingPropertiesOfTheModeAtOnce() {
		runner.withPropertyValues("gateway.credentials.mode=password")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("gateway.credentials.mode is password, but gateway.credentials.user-name, "
						+ "gateway.credentials.password, gateway.credentials.domain-name are not set"));
	}

	static Stream<Arguments> badIamEndpoints() {
		return Stream.of(Arguments.of("ftp://iam.example.com", "must be an http(s) URL"),
				Arguments.of("iam.myhuaweicloud.com", "must be an http(s) URL"),
				Arguments.of("https://iam.example.com/?x=1", "must be an http(s) URL"),
				Arguments.of("https://robot:" + SECRET + "@iam.example.com", "must not contain user information"),
				Arguments.of("https://iam example.com", "is not a URL"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badIamEndpoints")
	void theTokenModesRefuseABadIamEndpoint(String endpoint, String message) {
		runner
			.withPropertyValues("gateway.credentials.mode=password", "gateway.credentials.user-name=robot",
					"gateway.credentials.password=" + SECRET, "gateway.credentials.domain-name=acme",
					"gateway.upstreams.iam.endpoint=" + endpoint)
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("gateway.upstreams.iam.endpoint")
				.hasMessageContaining(message)
				.message()
				.doesNotContain(SECRET));
	}

	@Test
	void theTokenModesRefuseAMissingIamEndpoint() {
		bare.withPropertyValues("gateway.credentials.mode=oidc", "gateway.credentials.idp-id=k8s",
				"gateway.credentials.id-token-file=" + dir.resolve("present.jwt"))
			.withInitializer(context -> write(dir.resolve("present.jwt")))
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("gateway.upstreams.iam.endpoint is not set: mode oidc obtains its tokens from IAM"));
	}

	@Test
	void aBlankIamEndpointIsRefusedByTheUpstreamSettingsThemselves() {
		runner.withPropertyValues("gateway.credentials.mode=passthrough", "gateway.upstreams.iam.endpoint= ")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("upstreams[iam].endpoint")
				.hasStackTraceContaining("must not be blank"));
	}

	@Test
	void anUnknownModeIsRefusedByBindingNamingTheValidOnes() {
		runner.withPropertyValues("gateway.credentials.mode=token").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining("gateway.credentials.mode");
		});
	}

	static Stream<Arguments> complete() throws IOException {
		Path token = Files.writeString(dir.resolve("ok.jwt"), "header.payload.signature");
		return Stream.of(
				Arguments.of(List.of("mode=aksk", "access-key=AK0123456789", "secret-key=" + SECRET),
						AkSkAuthenticator.class),
				Arguments.of(List.of("mode=aksk", "access-key=AK0123456789", "secret-key=" + SECRET,
						"security-token=temporary"), AkSkAuthenticator.class),
				Arguments.of(List.of("mode=password", "user-name=robot", "password=" + SECRET, "domain-name=acme"),
						IamTokenAuthenticator.class),
				Arguments.of(List.of("mode=oidc", "idp-id=k8s", "id-token-file=" + token), IamTokenAuthenticator.class),
				Arguments.of(List.of("mode=passthrough"), PassthroughAuthenticator.class),
				Arguments.of(List.of("mode=PassThrough"), PassthroughAuthenticator.class));
	}

	@ParameterizedTest
	@MethodSource("complete")
	void startsWithEachCompleteMode(List<String> properties, Class<?> authenticator) {
		runner.withPropertyValues(prefixed(properties))
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(UpstreamAuthenticator.class)
				.isInstanceOf(authenticator));
	}

	@Test
	void bindsFromEnvironmentVariablesAsTheChartSetsThem() {
		Map<String, Object> env = Map.of("GATEWAY_CREDENTIALS_MODE", "aksk", "GATEWAY_CREDENTIALS_ACCESS_KEY",
				"AK0123456789", "GATEWAY_CREDENTIALS_SECRET_KEY", SECRET, "GATEWAY_CREDENTIALS_SECURITYTOKEN",
				"temporary");
		runner
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
			.run(context -> {
				CredentialsProperties bound = context.getBean(CredentialsProperties.class);
				assertThat(bound.mode()).isEqualTo(CredentialsMode.AKSK);
				assertThat(bound.accessKey()).isEqualTo("AK0123456789");
				assertThat(bound.secretKey()).isEqualTo(SECRET);
				assertThat(bound.securityToken()).isEqualTo("temporary");
				assertThat(bound.toString()).doesNotContain(SECRET).doesNotContain("temporary");
			});
	}

	@Test
	void bindsFromAMountedConfigTreeWithoutTheFilesTrailingNewline() throws IOException {
		Path tree = Files.createDirectories(dir.resolve("secrets"));
		Files.writeString(tree.resolve("gateway.credentials.mode"), "aksk\n");
		Files.writeString(tree.resolve("gateway.credentials.access-key"), "AK0123456789\n");
		Files.writeString(tree.resolve("gateway.credentials.secret-key"), SECRET + "\n");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecgroupGatewayApplication.class)
			.profiles("prod")
			.run("--server.port=0", "--spring.main.banner-mode=off",
					"--spring.config.import=optional:configtree:" + tree + "/")) {
			CredentialsProperties bound = context.getBean(CredentialsProperties.class);
			assertThat(bound.mode()).isEqualTo(CredentialsMode.AKSK);
			assertThat(bound.secretKey()).isEqualTo(SECRET);
			assertThat(context.getBean(UpstreamAuthenticator.class)).isInstanceOf(AkSkAuthenticator.class);
		}
	}

	@Test
	void theApplicationReportsAMissingSecretInOneMessage(CapturedOutput output) {
		assertThatThrownBy(
				() -> start("--gateway.credentials.mode=aksk", "--gateway.credentials.access-key=AK0123456789"))
			.rootCause()
			.isInstanceOf(InvalidCredentialsConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("gateway.credentials.mode is aksk, but gateway.credentials.secret-key is not set")
			.contains("spring.config.import=optional:configtree:");
	}

	@Test
	void theApplicationReportsAnUnreadableIdTokenFile(CapturedOutput output) {
		Path absent = dir.resolve("never-written.jwt");
		assertThatThrownBy(() -> start("--gateway.credentials.mode=oidc", "--gateway.credentials.idp-id=k8s",
				"--gateway.credentials.id-token-file=" + absent))
			.rootCause()
			.isInstanceOf(InvalidCredentialsConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("gateway.credentials.id-token-file cannot be read: " + absent);
	}

	private static void start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		all.addAll(List.of(args));
		new SpringApplicationBuilder(SecgroupGatewayApplication.class).profiles("prod")
			.run(all.toArray(String[]::new))
			.close();
	}

	private static void write(Path file) {
		try {
			Files.writeString(file, "header.payload.signature");
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String[] prefixed(List<String> properties) {
		return properties.stream().map(property -> "gateway.credentials." + property).toArray(String[]::new);
	}

	/**
	 * What the upstream and credentials configurations need from Boot's
	 * auto-configuration.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ UpstreamProperties.class, RegionProperties.class, CredentialsProperties.class,
			IamLoginLimits.class, UpstreamPolicyProperties.class })
	static class Infrastructure {

		@Bean
		WebClient.Builder webClientBuilder() {
			return WebClient.builder();
		}

		@Bean
		CircuitBreakerRegistry circuitBreakerRegistry() {
			return CircuitBreakerRegistry.ofDefaults();
		}

		@Bean
		RetryRegistry retryRegistry() {
			return RetryRegistry.ofDefaults();
		}

		@Bean
		ObjectMapper objectMapper() {
			return JsonMapper.builder().build();
		}

	}

}
