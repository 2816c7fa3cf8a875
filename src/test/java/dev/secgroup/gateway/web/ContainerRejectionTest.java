package dev.secgroup.gateway.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before any filter still get problem+json, never an HTML page.
 */
class ContainerRejectionTest extends GatewayTestSupport {

	@Test
	void anEncodedNulInThePathGetsProblemJson() {
		HttpResponse<String> response = put("/v3/" + PROJECT + "/ports/%00/insert-security-groups", VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0400");
		assertThat(response.body()).doesNotContain("<html", "Tomcat");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void headersOverTheLimitGetProblemJson() {
		HttpResponse<String> response = send("PUT", VPC_PATH, "application/json", VPC_BODY, "X-Big",
				"a".repeat(20_000));

		assertThat(response.statusCode()).isBetween(400, 431);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(response.body()).doesNotContain("<html", "Tomcat");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
