package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.secgroup.gateway.SecgroupGatewayApplication;
import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.InMemoryOutput;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No credential ever shows, in any mode: not the secret key, security token, password,
 * IAM tokens, ID token, signatures nor the caller's {@code X-Auth-Token}, in the logs at
 * DEBUG (from the very start), the audit events, the answers (successes, upstream 401s,
 * IAM refusals, a missing caller token), {@code /actuator/env} and
 * {@code /actuator/configprops} (exposed, with {@code show-values=always}: the sanitizing
 * function alone keeps them masked) or the metrics. Every secret is configured in every
 * mode, so each mode's run exposes all of them to leaking. The DEBUG output is kept in
 * memory ({@link InMemoryOutput}), never printed.
 */
class CredentialsSecretsNeverLeakTest {

	static final String SECRET_KEY = "SK-leaktest-5ecret-Key-9f8e7d";

	static final String SECURITY_TOKEN = "STS-leaktest-security-token-4c3b2a";

	static final String PASSWORD = "PW-leaktest-passw0rd-1a2b3c";

	static final String PASSWORD_TOKEN = "MIIleaktest-iam-token-of-password-mode";

	static final String OIDC_TOKEN = "MIIleaktest-iam-token-of-oidc-mode";

	static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsZWFrdGVzdCJ9.leaktest-id-token-signature";

	static final String CALLER_TOKEN = "MIIleaktest-callers-own-x-auth-token";

	static final String REFUSED_PROJECT = "0000000000000000000000000000401a";

	static final String IAM_REFUSES_PROJECT = "0000000000000000000000000000502b";

	private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");

	@TempDir
	static Path dir;

	static WireMockServer upstream;

	static Path idTokenFile;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws IOException {
		upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
		upstream.start();
		idTokenFile = Files.writeString(dir.resolve("id-token"), ID_TOKEN);
	}

	@AfterAll
	static void stop() {
		upstream.stop();
	}

	@ParameterizedTest
	@EnumSource(CredentialsMode.class)
	void noCredentialShowsAnywhere(CredentialsMode mode) throws Exception {
		stubUpstreams();
		List<HttpResponse<String>> responses = new ArrayList<>();
		String logs;
		try (InMemoryOutput output = InMemoryOutput.capture();
				ConfigurableApplicationContext gateway = startGateway(mode)) {
			String base = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
			// The actuator is on the management port.
			String management = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.management.port");
			responses.add(call(base, "PUT", GatewayTestSupport.VPC_PATH, GatewayTestSupport.VPC_BODY, true));
			responses.add(call(base, "POST", GatewayTestSupport.HSS_PATH + "?enterprise_project_id=all_granted_eps",
					GatewayTestSupport.HSS_BODY, true));
			responses.add(call(base, "PUT", IamStubs.vpcPath(REFUSED_PROJECT), GatewayTestSupport.VPC_BODY, true));
			responses.add(call(base, "PUT", IamStubs.vpcPath(IAM_REFUSES_PROJECT), GatewayTestSupport.VPC_BODY, true));
			responses.add(call(base, "PUT", GatewayTestSupport.VPC_PATH, GatewayTestSupport.VPC_BODY, false));
			responses.add(call(base, "PUT", GatewayTestSupport.VPC_PATH, "{}", true));
			HttpResponse<String> env = call(management, "GET", "/actuator/env", null, false);
			HttpResponse<String> configprops = call(management, "GET", "/actuator/configprops", null, false);
			responses.add(env);
			responses.add(configprops);
			responses.add(call(management, "GET", "/actuator/prometheus", null, false));
			responses.add(call(management, "GET", "/actuator/metrics/" + CredentialsMetrics.REJECTIONS, null, false));

			// The endpoints did answer, values shown, credentials masked.
			assertThat(env.statusCode()).isEqualTo(200);
			assertThat(env.body()).contains("gateway.credentials.secret-key").contains("******");
			assertThat(configprops.statusCode()).isEqualTo(200);
			assertThat(configprops.body()).contains("gateway.credentials").contains("******");
			gateway.close();
			logs = output.getAll();
		}

		List<String> secrets = new ArrayList<>(
				List.of(SECRET_KEY, SECURITY_TOKEN, PASSWORD, PASSWORD_TOKEN, OIDC_TOKEN, ID_TOKEN, CALLER_TOKEN));
		secrets.addAll(signaturesSent());
		if (mode == CredentialsMode.AKSK) {
			assertThat(signaturesSent()).isNotEmpty();
		}
		// DEBUG lines were written (JSON lines outside local, text in local).
		assertThat(logs).containsAnyOf(" DEBUG ", "\"level\":\"DEBUG\"").contains("\"type\":\"audit\"");
		for (String secret : secrets) {
			assertThat(logs).as("logs and audit events in mode %s", mode).doesNotContain(secret);
			for (HttpResponse<String> response : responses) {
				assertThat(response.body() + response.headers().map())
					.as("answer to %s in mode %s", response.uri(), mode)
					.doesNotContain(secret);
			}
		}
	}

	private ConfigurableApplicationContext startGateway(CredentialsMode mode) {
		String endpoint = upstream.baseUrl();
		return new SpringApplicationBuilder(SecgroupGatewayApplication.class).profiles("test")
			.run("--server.port=0", "--logging.level.root=DEBUG",
					// The test's own JDK HttpClient, not the gateway, logs every frame at
					// DEBUG: nearly half of all lines, none of them the gateway's.
					"--logging.level.jdk.internal.httpclient=INFO",
					// The fake upstream's own server (shaded Jetty) logs what it receives
					// at DEBUG; it is
					// the test's, not the gateway's.
					"--logging.level.wiremock=INFO", "--logging.level.WireMock=INFO",
					"--management.endpoints.web.exposure.include=*", "--management.endpoint.env.show-values=always",
					"--management.endpoint.configprops.show-values=always",
					"--gateway.upstreams.vpc.endpoint=" + endpoint + "/vpc",
					"--gateway.upstreams.hss.endpoint=" + endpoint + "/hss",
					"--gateway.upstreams.iam.endpoint=" + endpoint + "/iam", "--gateway.credentials.mode=" + mode.tag(),
					"--gateway.credentials.access-key=AKLEAKTEST0000000001",
					"--gateway.credentials.secret-key=" + SECRET_KEY,
					"--gateway.credentials.security-token=" + SECURITY_TOKEN, "--gateway.credentials.user-name=robot",
					"--gateway.credentials.password=" + PASSWORD, "--gateway.credentials.domain-name=acme",
					"--gateway.credentials.idp-id=k8s", "--gateway.credentials.id-token-file=" + idTokenFile);
	}

	private static void stubUpstreams() {
		upstream.resetAll();
		Instant expiry = Instant.now().plus(Duration.ofHours(24));
		// Everything is matched: WireMock reports an unmatched request with its headers.
		upstream.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/.*"))
			.atPriority(5)
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		upstream.stubFor(WireMock.put(urlPathMatching("/vpc/v3/" + REFUSED_PROJECT + "/.*"))
			.atPriority(1)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error_msg\":\"Incorrect IAM authentication information: refused\","
						+ "\"error_code\":\"APIGW.0301\"}")));
		upstream
			.stubFor(WireMock.post(urlPathMatching("/hss/.*")).atPriority(5).willReturn(aResponse().withStatus(200)));
		upstream.stubFor(WireMock.post(urlEqualTo(IamStubs.PASSWORD_PATH))
			.atPriority(5)
			.willReturn(IamStubs.issued(PASSWORD_TOKEN, expiry, null)));
		upstream.stubFor(WireMock.post(urlEqualTo("/iam/v3.0/OS-AUTH/id-token/tokens"))
			.atPriority(5)
			.willReturn(IamStubs.issued(OIDC_TOKEN, expiry, null)));
		upstream.stubFor(WireMock.post(WireMock.urlPathMatching("/iam/.*"))
			.atPriority(1)
			.withRequestBody(matchingJsonPath("$.auth.scope.project.id", equalTo(IAM_REFUSES_PROJECT)))
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":\"IAM.0101\",\"message\":\"The username or password is wrong.\"}}")));
	}

	private static List<String> signaturesSent() {
		List<String> signatures = new ArrayList<>();
		for (LoggedRequest request : upstream.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))) {
			String authorization = request.getHeader("Authorization");
			if (authorization != null) {
				Matcher signature = SIGNATURE.matcher(authorization);
				if (signature.find()) {
					signatures.add(signature.group(1));
				}
			}
		}
		return signatures;
	}

	private HttpResponse<String> call(String base, String method, String path, String body, boolean withCallerToken)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (withCallerToken) {
			request.header("X-Auth-Token", CALLER_TOKEN);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
