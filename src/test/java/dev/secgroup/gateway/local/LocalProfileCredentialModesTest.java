package dev.secgroup.gateway.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.secgroup.gateway.SecgroupGatewayApplication;
import dev.secgroup.gateway.simulator.SimulatedIamTokens;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code local} profile with each credentials mode, as a user would run it
 * ({@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--gateway.credentials.mode=...}):
 * the simulator really checks what the gateway sends, so a wrong key is refused with
 * Huawei's 401 {@code APIGW.0301}, and the password and OIDC modes obtain their tokens
 * from the IAM fake.
 */
class LocalProfileCredentialModesTest {

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final String VPC_PATH = "/v3/" + PROJECT
			+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";

	private static final String VPC_BODY = """
			{"port":{"security_groups":["8edd3747-ccd4-49a1-82b9-a165eec314b4","6c2d4540-3b7d-4207-a319-a7231b439995"],"index":1}}""";

	private static final String HSS_PATH = "/v5/" + PROJECT
			+ "/container-network/4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08/monitoring/security-group-policy";

	private static final String HSS_BODY = """
			{"policy_name":"ywk-test","workload_id":"27f3d7af-e947-4731-a3d2-8a561ae33069","workload_name":"kube-state-metrics","workload_type":"deployments","security_groups":[{"security_group_id":"03b46bce-b0b7-42d3-992d-ddfb567106f0","security_group_name":"sg-4a7d"}]}""";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	@Test
	void aWrongSecretKeyIsRefusedByTheSimulatorWithApigw0301AndNotRetried() throws Exception {
		try (Local local = start("--gateway.credentials.secret-key=not-the-simulators-secret")) {
			HttpResponse<String> response = local.send("PUT", VPC_PATH, VPC_BODY);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("error_code").asString()).isEqualTo("APIGW.0301");
			assertThat(problem.get("error_msg").asString())
				.isEqualTo("Incorrect IAM authentication information: signature mismatch");
			assertThat(problem.get("upstream_request_id").asString()).isNotBlank();
		}
	}

	@Test
	void theSimulatorRefusesCallsThatDoNotComeThroughTheGateway() throws Exception {
		try (Local local = start()) {
			HttpResponse<String> direct = local.send("PUT", "/simulator/vpc" + VPC_PATH, VPC_BODY);

			assertThat(direct.statusCode()).isEqualTo(401);
			assertThat(json.readTree(direct.body()).get("error_code").asString()).isEqualTo("APIGW.0301");
			assertThat(local.send("PUT", VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void passwordModeGetsOneTokenFromTheIamFakeForBothOperations() throws Exception {
		try (Local local = start("--gateway.credentials.mode=password")) {
			assertThat(local.send("PUT", VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);
			assertThat(local.send("POST", HSS_PATH + "?enterprise_project_id=all_granted_eps", HSS_BODY).statusCode())
				.isEqualTo(200);

			assertThat(local.context().getBean(SimulatedIamTokens.class).size()).isEqualTo(1);
		}
	}

	@Test
	void oidcModeExchangesTheIdTokenFileAtTheIamFake() throws Exception {
		Path idToken = Files.writeString(dir.resolve("token"), unsignedJwt(Instant.now().plusSeconds(3600)));

		try (Local local = start("--gateway.credentials.mode=oidc", "--gateway.credentials.id-token-file=" + idToken)) {
			assertThat(local.send("PUT", VPC_PATH, VPC_BODY).statusCode()).isEqualTo(200);
			assertThat(local.context().getBean(SimulatedIamTokens.class).size()).isEqualTo(1);
		}
	}

	private Local start(String... args) {
		int port = freePort();
		List<String> all = new ArrayList<>(
				List.of("--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		all.addAll(List.of(args));
		// The local profile, as ./mvnw spring-boot:run activates it.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SecgroupGatewayApplication.class)
			.profiles("local")
			.run(all.toArray(String[]::new));
		return new Local(context, port, http);
	}

	private static String unsignedJwt(Instant expiresAt) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + base64
			.encodeToString(
					("{\"sub\":\"system:serviceaccount:team-a:gateway\",\"exp\":" + expiresAt.getEpochSecond() + "}")
						.getBytes(StandardCharsets.UTF_8))
				+ ".";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Local(ConfigurableApplicationContext context, int port, HttpClient http) implements AutoCloseable {

		HttpResponse<String> send(String method, String path, String body) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		@Override
		public void close() {
			context.close();
		}

	}

}
