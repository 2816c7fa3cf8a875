package dev.secgroup.gateway.idempotency;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document publishes the Idempotency-Key contract on both operations,
 * including the retention the draft asks servers to publish.
 */
class IdempotencyOpenApiTest extends GatewayTestSupport {

	private static final String VPC = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	private static final String HSS = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

	@Test
	void bothOperationsDeclareTheOptionalHeaderWithItsRetention() {
		for (JsonNode operation : new JsonNode[] { operation(VPC, "put"), operation(HSS, "post") }) {
			JsonNode header = header(operation);
			assertThat(header.path("required").asBoolean(false)).isFalse();
			assertThat(header.path("schema").path("maxLength").asInt()).isEqualTo(257);
			assertThat(header.path("description").asString()).contains("kept for 24 hours")
				.contains("Idempotent-Replayed");
		}
	}

	@Test
	void bothOperationsDeclareConflictMismatchAndTheReplayHeader() {
		for (JsonNode operation : new JsonNode[] { operation(VPC, "put"), operation(HSS, "post") }) {
			JsonNode responses = operation.path("responses");
			assertThat(responses.path("409").path("description").asString()).contains("GW.0409");
			assertThat(responses.path("409").path("content").has("application/problem+json")).isTrue();
			assertThat(responses.path("422").path("description").asString()).contains("GW.0422");
			assertThat(responses.path("503").path("description").asString()).contains("GW.0531");
			assertThat(responses.path("200").path("headers").has(Idempotency.REPLAYED_HEADER)).isTrue();
			assertThat(responses.path("409").path("headers").has(Idempotency.REPLAYED_HEADER)).isFalse();
		}
	}

	private JsonNode operation(String path, String method) {
		HttpResponse<String> response = send("GET", "/v3/api-docs", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return parse(response.body()).path("paths").path(path).path(method);
	}

	static JsonNode header(JsonNode operation) {
		for (JsonNode parameter : operation.path("parameters")) {
			if ("header".equals(parameter.path("in").asString())
					&& IdempotencyKey.HEADER.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		throw new AssertionError("no Idempotency-Key header in " + operation);
	}

}
