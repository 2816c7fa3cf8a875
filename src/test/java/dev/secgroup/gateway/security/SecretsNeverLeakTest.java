package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials callers send (API keys, right or wrong; bearer tokens; X-Auth-Token;
 * passwords) never show in logs, even with the whole request path at TRACE, nor in audit
 * events, answers, or metrics.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest extends SecuredGatewayTestSupport {

	/** Everything on the request path, Tomcat included, at TRACE. */
	private static final String[] VERBOSE = { "dev.secgroup", "org.springframework", "org.apache", "reactor.netty" };

	private static final String WRONG_KEY = "wrong-key-Zx81mQ0pL3";

	private static final String AUTH_TOKEN = "MIIauth-token-secret-Q7w8e9";

	private static final String BEARER = "bearer-secret-R4t5y6";

	private static final String PASSWORD = "p4ssw0rd-secret-U1i2o3";

	private static final String BASIC = Base64.getEncoder()
		.encodeToString(("team-a:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void verboseLogging() {
		for (String logger : VERBOSE) {
			logging.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterEach
	void quietLogging() {
		for (String logger : VERBOSE) {
			logging.setLogLevel(logger, null);
		}
	}

	@Test
	void noCredentialEverShows(CapturedOutput output) {
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(404).withBody("{\"error_code\":\"VPC.0114\",\"error_msg\":\"no\"}")));
		List<HttpResponse<String>> responses = new ArrayList<>();

		responses.add(sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, "X-Auth-Token", AUTH_TOKEN, "Authorization",
				"Bearer " + BEARER));
		responses.add(sendWithKey("PUT", VPC_PATH, WRONG_KEY, VPC_BODY, "X-Auth-Token", AUTH_TOKEN));
		responses.add(sendWithKey("POST", HSS_PATH, KEY_A, HSS_BODY, "Authorization", "Basic " + BASIC));
		responses.add(sendWithKey("PUT", VPC_PATH, KEY_A, "{}", "X-Auth-Token", AUTH_TOKEN));
		responses.add(management("/actuator/prometheus", "X-Api-Key", KEY_B));
		responses.add(management("/actuator/metrics/http.server.requests", "X-Management-Key", MANAGEMENT_KEY));

		assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(404, 401, 403, 400, 200, 200);
		// Security's own logs are there (JSON lines name loggers in full, text lines
		// abbreviate them).
		assertThat(output.getAll()).contains("\"type\":\"audit\"")
			.containsAnyOf("o.s.security", "org.springframework.security");
		for (String secret : new String[] { KEY_A, KEY_B, WRONG_KEY, AUTH_TOKEN, BEARER, PASSWORD, BASIC }) {
			assertThat(output.getAll()).as("logs and audit").doesNotContain(secret);
			for (HttpResponse<String> response : responses) {
				assertThat(response.body() + response.headers().map()).as("answer").doesNotContain(secret);
			}
		}
	}

}
