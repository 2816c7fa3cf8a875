package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * URLs Spring Security's firewall refuses get 400 problem+json like any invalid input,
 * naming the path value that holds what was refused; nothing reaches upstream. (Mode none
 * here: the firewall is there whatever the authentication mode.)
 */
class RejectedRequestTest extends GatewayTestSupport {

	@ParameterizedTest(name = "port_id {0}")
	@ValueSource(strings = { "..%2F..%2Fx", "%2e%2e", "a%2Fb", "a%25b", "a%0Ab", "a%0D%0Ab", "%2E" })
	void aRefusedPortIdIsNamed(String portId) {
		HttpResponse<String> response = put("/v3/" + PROJECT + "/ports/" + portId + "/insert-security-groups",
				VPC_BODY);

		JsonNode problem = assertBadRequest(response);
		assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("port_id");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/v3/" + PROJECT + "/ports/" + PORT_ID + "/../x/insert-security-groups",
			"/v3/" + PROJECT + "//ports/" + PORT_ID + "/insert-security-groups",
			"/v3/" + PROJECT + "/ports/" + PORT_ID + "/insert-security-groups;jsessionid=x" })
	void otherRefusedUrlsGetProblemJsonToo(String path) {
		assertBadRequest(put(path, VPC_BODY));
	}

	@ParameterizedTest(name = "port_id {0}")
	@ValueSource(strings = { "a%5Cb", "a%00b" })
	void whatTomcatRefusesItselfIsProblemJsonToo(String portId) {
		HttpResponse<String> response = put("/v3/" + PROJECT + "/ports/" + portId + "/insert-security-groups",
				VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	private static JsonNode assertBadRequest(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0400");
		assertThat(problem.get("request_id").asString())
			.isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(problem.get("violations").isArray()).isTrue();
		upstream.verify(0, anyRequestedFor(anyUrl()));
		return problem;
	}

}
