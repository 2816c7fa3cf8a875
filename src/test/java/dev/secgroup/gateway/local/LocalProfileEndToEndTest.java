package dev.secgroup.gateway.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.simulator.HssPolicyStore;
import dev.secgroup.gateway.simulator.VpcPortStore;
import dev.secgroup.gateway.web.DocumentExamples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user gets from {@code ./mvnw spring-boot:run}: the {@code local} profile, the
 * gateway's real adapters calling the embedded simulator over HTTP, the documents'
 * examples answered as the documents show. The local upstream endpoints are built from
 * {@code server.port}, so this test runs on a fixed, free port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("local")
class LocalProfileEndToEndTest {

	private static final int PORT = freePort();

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final String VPC_PATH = "/v3/" + PROJECT
			+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";

	private static final String HSS_PATH = "/v5/" + PROJECT
			+ "/container-network/4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08/monitoring/security-group-policy";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	VpcPortStore ports;

	@Autowired
	HssPolicyStore policies;

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("management.server.port", () -> freePort());
	}

	@BeforeEach
	void freshSimulator() {
		ports.reset();
		policies.reset();
	}

	@Test
	void theVpcDocumentExampleGivesTheDocumentResponse() throws Exception {
		HttpResponse<String> response = send("PUT", VPC_PATH,
				"""
						{"port":{"security_groups":["8edd3747-ccd4-49a1-82b9-a165eec314b4","6c2d4540-3b7d-4207-a319-a7231b439995"],"index":1}}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		JsonNode expected = json.readTree(documentExampleResponse());
		assertThat(body.get("request_id").asString()).isNotBlank();
		((ObjectNode) body).remove("request_id");
		((ObjectNode) expected).remove("request_id");
		assertThat(body).isEqualTo(expected);
		assertThat(response.headers().firstValue("X-Upstream-Request-Id")).isPresent();
	}

	@Test
	void dryRunChecksAndChangesNothing() throws Exception {
		HttpResponse<String> response = send("PUT", VPC_PATH,
				"{\"port\":{\"security_groups\":[\"a0608cbf-d047-4f54-8b28-cd7b59853fff\"]},\"dry_run\":true}");

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(ports.securityGroups(PROJECT, "99fd0c77-56b4-4bf6-8365-df352e45d5fc").orElseThrow())
			.doesNotContain("a0608cbf-d047-4f54-8b28-cd7b59853fff");
	}

	@Test
	void anUnknownPortIsTheSimulatorsHuawei404AsProblemJson() throws Exception {
		HttpResponse<String> response = send("PUT",
				"/v3/" + PROJECT + "/ports/00000000-0000-0000-0000-000000000000/insert-security-groups",
				"{\"port\":{\"security_groups\":[\"a0608cbf-d047-4f54-8b28-cd7b59853fff\"]}}");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("error_code").asString()).startsWith("VPC.");
		assertThat(problem.get("upstream_request_id").asString()).isNotBlank();
	}

	@Test
	void theHssDocumentExampleIsRecordedAndAnswered200WithAnEmptyBody() throws Exception {
		HttpResponse<String> response = send("POST", HSS_PATH + "?enterprise_project_id=all_granted_eps",
				"""
						{"policy_name":"ywk-test","workload_id":"27f3d7af-e947-4731-a3d2-8a561ae33069","workload_name":"kube-state-metrics","workload_type":"deployments","security_groups":[{"security_group_id":"03b46bce-b0b7-42d3-992d-ddfb567106f0","security_group_name":"sg-4a7d"}]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(policies.policies(PROJECT, "4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08", "monitoring")).hasSize(1);
	}

	@Test
	void swaggerUiAndTheOpenApiDocumentAreServed() throws Exception {
		assertThat(send("GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String documentExampleResponse() {
		return DocumentExamples.text("vpc-insert-security-groups-response.json");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
