package dev.secgroup.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.secgroup.gateway.quota.QuotaState;
import dev.secgroup.gateway.web.DocumentExamples;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A running gateway (real Tomcat, real WebClient) whose upstreams are one WireMock
 * server: VPC under {@code /vpc}, HSS under {@code /hss}, IAM under {@code /iam}.
 * Requests are sent with the JDK client so that tests control every byte (raw paths,
 * content types, bodies).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class GatewayTestSupport {

	public static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	public static final String PORT_ID = "99fd0c77-56b4-4bf6-8365-df352e45d5fc";

	public static final String CLUSTER = "4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08";

	public static final String VPC_PATH = "/v3/" + PROJECT + "/ports/" + PORT_ID + "/insert-security-groups";

	public static final String HSS_PATH = "/v5/" + PROJECT + "/container-network/" + CLUSTER
			+ "/monitoring/security-group-policy";

	/** The VPC document's example request, compact. */
	public static final String VPC_BODY = compact("vpc-insert-security-groups-request.json");

	/** The HSS document's example request, compact. */
	public static final String HSS_BODY = compact("hss-create-security-group-policy-request.json");

	/**
	 * One WireMock for the whole test JVM: Spring caches application contexts across test
	 * classes, so the upstream port they were built with must outlive each class.
	 */
	protected static final WireMockServer upstream = startUpstream();

	protected static final ObjectMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	/** The management port (actuator): random in tests, 8081 by default. */
	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected CircuitBreakerRegistry circuitBreakers;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		upstreamEndpoints().forEach((name, value) -> registry.add(name, () -> value));
	}

	/**
	 * The upstream endpoints on the JVM's WireMock, for a further replica a test starts
	 * itself ({@link Replica}).
	 */
	protected static Map<String, String> upstreamEndpoints() {
		return Map.of("gateway.upstreams.vpc.endpoint", upstream.baseUrl() + "/vpc", "gateway.upstreams.hss.endpoint",
				upstream.baseUrl() + "/hss", "gateway.upstreams.iam.endpoint", upstream.baseUrl() + "/iam");
	}

	private static WireMockServer startUpstream() {
		WireMockServer server = new WireMockServer(
				wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(UpstreamGate.INSTANCE));
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

	@Autowired
	private ApplicationContext context;

	@BeforeEach
	void freshUpstreamCircuitsAndQuotas() {
		upstream.resetAll();
		circuitBreakers.getAllCircuitBreakers().forEach(cb -> cb.reset());
		// An earlier test's upstream 429 leaves a pause behind.
		QuotaState.clear(context);
	}

	protected HttpResponse<String> put(String path, String body) {
		return send("PUT", path, "application/json", body);
	}

	protected HttpResponse<String> post(String path, String body) {
		return send("POST", path, "application/json", body);
	}

	protected HttpResponse<String> send(String method, String path, String contentType, String body,
			String... headers) {
		return send(port, method, path, contentType, body, headers);
	}

	/** A GET of an actuator path on the management port, with extra headers. */
	protected HttpResponse<String> management(String path, String... headers) {
		return send(managementPort, "GET", path, null, null, headers);
	}

	/**
	 * Sends a request to the gateway listening on {@code port}: this test's, or a further
	 * replica's.
	 */
	protected static HttpResponse<String> send(int port, String method, String path, String contentType, String body,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A document example ({@link DocumentExamples}) without its layout whitespace. */
	private static String compact(String example) {
		return JsonMapper.builder()
			.build()
			.writeValueAsString(JsonMapper.builder().build().readTree(DocumentExamples.text(example)));
	}

	protected static JsonNode parse(String body) {
		return json.readTree(body);
	}

}
