package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the packaged gateway must do when started the way the image starts it, configured
 * only by environment variables as the chart does: serve both operations against an
 * upstream (WireMock here), and the health groups and Prometheus on the management port.
 * Shared by {@code LayeredJarIT} (the image's layout, without Docker) and
 * {@code DockerImageTest} (the image).
 */
final class ImageContract {

	static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	static final String VPC_PATH = "/v3/" + PROJECT
			+ "/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups";

	static final String HSS_PATH = "/v5/" + PROJECT
			+ "/container-network/4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08/monitoring/security-group-policy";

	private static final String VPC_BODY = """
			{"port":{"security_groups":["8edd3747-ccd4-49a1-82b9-a165eec314b4"],"index":1}}""";

	private static final String HSS_BODY = """
			{"policy_name":"p","workload_id":"w","workload_name":"n","workload_type":"deployments","security_groups":[{"security_group_id":"03b46bce-b0b7-42d3-992d-ddfb567106f0","security_group_name":"sg-4a7d"}]}""";

	private static final String VPC_ANSWER = "{\"port\":{\"id\":\"99fd0c77-56b4-4bf6-8365-df352e45d5fc\"}}";

	/** The caller's API key (api-key mode); only its SHA-256 is configured. */
	private static final String API_KEY = "image-contract-caller-key-0123456789";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ImageContract() {
	}

	/**
	 * The environment of the gateway process: the chart's profile, ports and upstreams,
	 * cloud credentials (fake keys: WireMock checks no signature) and one API-key client,
	 * all through relaxed binding. Properties the code does not bind yet are ignored by
	 * it.
	 */
	static Map<String, String> environment(String upstreamBaseUrl, int apiPort, int managementPort) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_PROFILES_ACTIVE", "kubernetes");
		env.put("SERVER_PORT", Integer.toString(apiPort));
		env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		env.put("GATEWAY_UPSTREAMS_VPC_ENDPOINT", upstreamBaseUrl + "/vpc");
		env.put("GATEWAY_UPSTREAMS_HSS_ENDPOINT", upstreamBaseUrl + "/hss");
		env.put("GATEWAY_UPSTREAMS_IAM_ENDPOINT", upstreamBaseUrl + "/iam");
		// The stub upstream speaks plain http (outside local, https is required
		// otherwise).
		env.put("GATEWAY_UPSTREAMPOLICY_ALLOWHTTP", "true");
		env.put("GATEWAY_CREDENTIALS_MODE", "aksk");
		env.put("GATEWAY_CREDENTIALS_ACCESS_KEY", "IMAGECONTRACTTESTAK01");
		env.put("GATEWAY_CREDENTIALS_SECRET_KEY", "image-contract-test-secret-key-not-real");
		env.put("GATEWAY_SECURITY_MODE", "api-key");
		env.put("GATEWAY_SECURITY_CLIENTS_0_NAME", "image-contract");
		env.put("GATEWAY_SECURITY_CLIENTS_0_APIKEYSHA256", sha256(API_KEY));
		env.put("GATEWAY_SECURITY_CLIENTS_0_PROJECTS_0", "*");
		env.put("GATEWAY_SECURITY_CLIENTS_0_OPERATIONS_0", "vpc:AddSecurityGroups");
		env.put("GATEWAY_SECURITY_CLIENTS_0_OPERATIONS_1", "hss:CreateSecurityGroupPolicy");
		List<String> publicPaths = chartPublicPaths();
		for (int i = 0; i < publicPaths.size(); i++) {
			env.put("GATEWAY_SECURITY_PUBLICPATHS_" + i, publicPaths.get(i));
		}
		return env;
	}

	/** The public paths the chart configures (Prometheus must scrape without a key). */
	@SuppressWarnings("unchecked")
	static List<String> chartPublicPaths() {
		try {
			Map<String, Object> values = new Yaml(new SafeConstructor(new LoaderOptions()))
				.load(Files.readString(DeploymentContract.CHART_DIR.resolve("values.yaml")));
			return (List<String>) Tree.at(values, "gateway.security.publicPaths");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void stubUpstream(WireMockServer upstream) {
		upstream.stubFor(WireMock.put(urlPathEqualTo("/vpc" + VPC_PATH))
			.willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(VPC_ANSWER)));
		upstream.stubFor(WireMock.post(urlPathEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));
	}

	static boolean ready(URI management) {
		try {
			return get(management.resolve(DeploymentContract.READINESS_PATH)).statusCode() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	/**
	 * Calls both operations and the management endpoints, and checks what upstream
	 * received.
	 */
	static void verify(URI api, URI management, WireMockServer upstream) {
		assertThat(get(management.resolve(DeploymentContract.LIVENESS_PATH)).statusCode()).isEqualTo(200);
		assertThat(get(management.resolve(DeploymentContract.READINESS_PATH)).statusCode()).isEqualTo(200);
		HttpResponse<String> prometheus = get(management.resolve(DeploymentContract.PROMETHEUS_PATH));
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");

		HttpResponse<String> vpc = send("PUT", api.resolve(VPC_PATH), VPC_BODY);
		assertThat(vpc.statusCode()).as(vpc.body()).isEqualTo(200);
		assertThat(vpc.body()).isEqualTo(VPC_ANSWER);
		HttpResponse<String> hss = send("POST", api.resolve(HSS_PATH), HSS_BODY);
		assertThat(hss.statusCode()).as(hss.body()).isEqualTo(200);
		upstream.verify(1, putRequestedFor(urlPathEqualTo("/vpc" + VPC_PATH)));
		upstream.verify(1, postRequestedFor(urlPathEqualTo("/hss" + HSS_PATH)));

		assertThat(get(api.resolve(DeploymentContract.READINESS_PATH)).statusCode())
			.as("no management endpoint on the API port")
			.isNotEqualTo(200);
	}

	private static HttpResponse<String> send(String method, URI uri, String body) {
		return exchange(HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.header("X-Api-Key", API_KEY)
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	private static HttpResponse<String> get(URI uri) {
		return exchange(HttpRequest.newBuilder(uri).GET());
	}

	private static HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
