package dev.secgroup.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.SecgroupGatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real application started as an operator would start it: the defaults of each
 * profile, and the configurations it refuses with a message naming the property.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityStartupTest {

	@Test
	void outsideLocalTheDefaultModeIsApiKey(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("prod")) {
			assertThat(context.getBean(GatewaySecurityProperties.class).mode()).containsExactly(SecurityMode.API_KEY);
		}
		assertThat(output).contains("gateway.security.clients is empty");
	}

	@Test
	void inTheLocalProfileTheDefaultModeIsNone() {
		try (ConfigurableApplicationContext context = start("local")) {
			assertThat(context.getBean(GatewaySecurityProperties.class).mode()).containsExactly(SecurityMode.NONE);
		}
	}

	@Test
	void withoutAProfileTheStartNeedsCredentialsLikeProduction(CapturedOutput output) {
		assertThatThrownBy(() -> start(null)).isInstanceOf(Exception.class);
		assertThat(output).contains("APPLICATION FAILED TO START").contains("gateway.credentials.mode");
	}

	@Test
	void withoutAProfileInboundAuthenticationIsOnAndTheSimulatorAbsent() throws Exception {
		try (ConfigurableApplicationContext context = start(null, "--gateway.credentials.mode=passthrough")) {
			assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
			assertThat(context.getBean(GatewaySecurityProperties.class).mode()).containsExactly(SecurityMode.API_KEY);
			assertThat(context.getBeanNamesForType(Class
				.forName("dev.secgroup.gateway.simulator.VpcSimulatorController", false, getClass().getClassLoader())))
				.isEmpty();
		}
	}

	@Test
	void modeNoneIsRefusedWhenLocalIsOnlyADefaultProfile() {
		assertThatThrownBy(() -> start(null, "--spring.profiles.default=local",
				"--gateway.credentials.mode=passthrough", "--gateway.security.mode=none",
				// Isolates the guard: the local file's http endpoints are refused as
				// well.
				"--gateway.upstream-policy.allow-http=true"))
			.rootCause()
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageContaining("'local' profile is not active");
	}

	@Test
	void theLocalProfileRefusesAnUpstreamThatIsNotOnLoopback(CapturedOutput output) {
		assertThatThrownBy(
				() -> start("local", "--gateway.upstreams.vpc.endpoint=https://vpc.{region}.myhuaweicloud.com"))
			.isInstanceOf(Exception.class);
		assertThat(output).contains("gateway.upstreams.vpc.endpoint is https://vpc.{region}.myhuaweicloud.com")
			.contains("only calls endpoints on loopback");
	}

	@Test
	void outsideLocalAPlainHttpUpstreamIsRefused(CapturedOutput output) {
		assertThatThrownBy(() -> start("prod", "--gateway.upstreams.hss.endpoint=http://hss.example.com"))
			.isInstanceOf(Exception.class);
		assertThat(output).contains("gateway.upstreams.hss.endpoint is http://hss.example.com")
			.contains("must be https");
	}

	@Test
	void userInformationInAnyUpstreamEndpointIsRefusedWithoutBeingRepeated(CapturedOutput output) {
		assertThatThrownBy(
				() -> start("prod", "--gateway.upstreams.vpc.endpoint=https://user:s3cr3t-pw@vpc.example.com"))
			.isInstanceOf(Exception.class);
		assertThat(output).contains("gateway.upstreams.vpc.endpoint must not contain user information")
			.doesNotContain("s3cr3t-pw");
	}

	@Test
	void springBootRunActivatesTheLocalProfile() throws Exception {
		String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
		String plugin = pom.substring(pom.indexOf("<artifactId>spring-boot-maven-plugin</artifactId>"));
		plugin = plugin.substring(0, plugin.indexOf("</plugin>"));
		assertThat(plugin).contains("<profiles>").contains("<profile>local</profile>");
	}

	@Test
	void theLocalSimulatorStaysOpenWhenLocalRunsWithApiKeys() throws Exception {
		try (ConfigurableApplicationContext context = start("local", "--gateway.security.mode=api-key")) {
			String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();

			HttpResponse<String> simulator = http.send(
					HttpRequest.newBuilder(URI.create(base + "/simulator/vpc/x")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> gateway = http
				.send(HttpRequest.newBuilder(URI.create(base + "/v3/p/ports/x/insert-security-groups"))
					.PUT(HttpRequest.BodyPublishers.ofString("{}"))
					.header("Content-Type", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString());

			// The gateway calls its own simulator there without credentials: not 401 (404
			// until it exists).
			assertThat(simulator.statusCode()).isNotEqualTo(401);
			assertThat(gateway.statusCode()).isEqualTo(401);
		}
	}

	@Test
	void modeNoneIsRefusedOutsideLocal(CapturedOutput output) {
		assertThatThrownBy(() -> start("prod", "--gateway.security.mode=none")).rootCause()
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageContaining("gateway.security.mode is 'none'");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("gateway.security.allow-unauthenticated-outside-local=true");
	}

	@Test
	void modeNoneOutsideLocalStartsOnlyWhenExplicitlyAllowed() {
		try (ConfigurableApplicationContext context = start("prod", "--gateway.security.mode=none",
				"--gateway.security.allow-unauthenticated-outside-local=true")) {
			assertThat(context.getBean(GatewaySecurityProperties.class).mode()).containsExactly(SecurityMode.NONE);
		}
	}

	@Test
	void aPlaintextKeyIsRefusedWithoutBeingRepeated(CapturedOutput output) {
		String plaintext = "my-secret-api-key-0123456789";

		assertThatThrownBy(() -> start("prod", "--gateway.security.clients[0].name=team-a",
				"--gateway.security.clients[0].api-key-sha256=" + plaintext))
			.rootCause()
			.isInstanceOf(InvalidSecurityConfigurationException.class);
		assertThat(output).contains("gateway.security.clients[0].api-key-sha256 must be 64 hexadecimal characters")
			.doesNotContain(plaintext);
	}

	@Test
	void anAkskClientWithoutItsSecretKeyIsRefusedByName(CapturedOutput output) {
		assertThatThrownBy(() -> start("prod", "--gateway.security.mode=api-key,aksk",
				"--gateway.security.clients[0].name=team-sdk",
				"--gateway.security.clients[0].access-key=GWTEAMSDKACCESSKEY01"))
			.rootCause()
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessage("gateway.security.clients[0].secret-key is missing for client 'team-sdk'");
		assertThat(output).contains("APPLICATION FAILED TO START").contains("GATEWAY_SECURITY_CLIENTS_<i>_SECRET_KEY");
	}

	@Test
	void noneCannotBeCombinedWithOtherModes() {
		assertThatThrownBy(() -> start("prod", "--gateway.security.mode=none,aksk",
				"--gateway.security.allow-unauthenticated-outside-local=true"))
			.rootCause()
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageContaining("combines 'none' with other modes");
	}

	private static ConfigurableApplicationContext start(String profile, String... args) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SecgroupGatewayApplication.class);
		if (profile != null) {
			builder.profiles(profile);
		}
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.main.banner-mode=off", "--management.server.port=0"));
		if (profile != null && !"local".equals(profile)) {
			// Outside local the upstream credentials must be chosen; local has its demo
			// ones.
			all.add("--gateway.credentials.mode=passthrough");
		}
		all.addAll(List.of(args));
		return builder.run(all.toArray(String[]::new));
	}

}
