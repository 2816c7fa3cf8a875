package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response headers of a JSON API, no CORS, no server version, body limit behind
 * authentication.
 */
class HardeningTest extends SecuredGatewayTestSupport {

	@Test
	void everyAnswerCarriesNosniffAndNoStoreAndNoServerHeader() {
		upstream.stubFor(WireMock.put(urlEqualTo("/vpc" + VPC_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));

		for (HttpResponse<String> response : new HttpResponse[] { sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY),
				sendWithKey("PUT", VPC_PATH, KEY_A, "{}"), sendWithKey("PUT", VPC_PATH, null, VPC_BODY),
				sendWithKey("POST", HSS_PATH, KEY_A, HSS_BODY), send("GET", "/actuator/health", null, null) }) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString())
				.hasValue("nosniff");
			assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Server")).isEmpty();
			assertThat(response.body()).doesNotContain("Exception", "\tat ");
		}
	}

	@Test
	void corsIsOff() {
		HttpResponse<String> preflight = send("OPTIONS", VPC_PATH, null, null, "Origin", "https://evil.example",
				"Access-Control-Request-Method", "PUT", "X-Api-Key", KEY_A);
		HttpResponse<String> simple = send("GET", "/actuator/health", null, null, "Origin", "https://evil.example");

		// Whatever the status, without Access-Control-Allow-* a browser lets no other
		// origin call.
		assertThat(preflight.headers().map().keySet())
			.noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
		assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aDeclaredOversizeIsRefused413WhoeverSendsItWithoutReadingIt() {
		String big = "{\"port\":{\"security_groups\":[\"" + "a".repeat(70_000) + "\"]}}";

		// Refusing a declared length needs no credentials and reads nothing.
		assertThat(sendWithKey("PUT", VPC_PATH, null, big).statusCode()).isEqualTo(413);

		HttpResponse<String> known = sendWithKey("PUT", VPC_PATH, KEY_A, big);
		assertThat(known.statusCode()).isEqualTo(413);
		assertThat(known.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(parse(known.body()).get("error_code").asString()).isEqualTo("GW.0413");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void oversizedHeadersStillGetProblemJson() {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, "X-Big", "a".repeat(20_000));

		assertThat(response.statusCode()).isBetween(400, 431);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
