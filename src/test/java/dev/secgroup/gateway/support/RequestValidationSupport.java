package dev.secgroup.gateway.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs rows of the validation matrices against a gateway whose upstreams are WireMock: a
 * rejection is problem+json naming exactly the bad members and nothing reaches upstream;
 * an accepted call reaches upstream unchanged.
 */
public abstract class RequestValidationSupport extends GatewayTestSupport {

	protected void assertRejected(RequestCase.Rejection rejection) {
		RequestCase.Call call = rejection.call();
		HttpResponse<String> response = send(call.method(), call.path(), call.contentType(), call.body());

		assertNothingSentUpstream();
		JsonNode problem = assertProblem(response, rejection.status(), rejection.errorCode());
		if (rejection.status() != 400) {
			assertThat(problem.has("violations")).isFalse();
			return;
		}
		List<String> fields = new ArrayList<>();
		for (JsonNode violation : problem.path("violations").values()) {
			fields.add(violation.path("field").asString());
			assertThat(violation.path("message").asString()).isNotBlank();
		}
		assertThat(fields).as(response.body()).containsExactlyInAnyOrderElementsOf(rejection.fields());
	}

	protected void assertReachesUpstreamUnchanged(RequestCase.Accepted accepted) {
		upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", RequestCase.JSON)
			.withBody("{\"request_id\":\"up-1\"}")));

		HttpResponse<String> response = send(accepted.method(), accepted.path(), RequestCase.JSON, accepted.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		upstream.verify(1, anyRequestedFor(urlEqualTo("/" + accepted.upstream() + accepted.path()))
			.withRequestBody(equalToJson(accepted.body().strip())));
		assertThat(upstream.getAllServeEvents()).hasSize(1);
	}

	protected static JsonNode assertProblem(HttpResponse<String> response, int status, String errorCode) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode problem = parse(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("error_code").asString()).isEqualTo(errorCode);
		assertThat(problem.path("error_msg").asString()).isNotBlank();
		assertThat(problem.path("request_id").asString()).isEqualTo(requestId);
		assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "java.", "\tat ");
		return problem;
	}

	protected static void assertNothingSentUpstream() {
		upstream.verify(0, anyRequestedFor(anyUrl()));
		assertThat(upstream.getAllServeEvents()).isEmpty();
	}

}
