package dev.secgroup.gateway.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.secgroup.gateway.credentials.SdkHmacSha256Signer;
import dev.secgroup.gateway.credentials.SdkHmacSha256Verifier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application in the {@code local} profile on a real port; requests go over HTTP with
 * the JDK client, as the gateway's upstream calls will, signed with the simulator's demo
 * AK/SK as the gateway signs them (the fakes refuse anything else).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=WARN", "gateway.simulator.hss-limit.requests=0" })
@ActiveProfiles("local")
abstract class SimulatorTestSupport {

	static final ObjectMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Value("${gateway.simulator.access-key:none}")
	String accessKey;

	@Value("${gateway.simulator.secret-key:none}")
	String secretKey;

	HttpResponse<String> send(String method, String path, String body) {
		URI uri = URI.create("http://127.0.0.1:" + port + path);
		SdkHmacSha256Signer.Signature signature = new SdkHmacSha256Signer().sign(
				new SdkHmacSha256Signer.SigningRequest(method, uri.getAuthority(), uri.getRawPath(),
						SdkHmacSha256Verifier.decodeQuery(uri.getRawQuery()), Map.of(),
						body.getBytes(StandardCharsets.UTF_8)),
				accessKey, secretKey, SdkHmacSha256Signer.sdkDate(Clock.systemUTC()));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Sdk-Date", signature.sdkDate())
			.header("Authorization", signature.authorization())
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
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

	static JsonNode parse(String body) {
		return json.readTree(body);
	}

	/** Exactly one {@code X-Request-Id}, and it is not empty. */
	static String requestIdOf(HttpResponse<?> response) {
		assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).isNotBlank();
		return requestId;
	}

	/** A Huawei error body with this code whose request id is the header's. */
	static void assertVpcError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		JsonNode body = parse(response.body());
		assertThat(body.propertyNames()).containsExactly("error_msg", "error_code", "request_id");
		assertThat(body.get("error_code").asString()).isEqualTo(code);
		assertThat(body.get("error_msg").asString()).isNotBlank();
		assertThat(body.get("request_id").asString()).isEqualTo(requestIdOf(response));
	}

}
