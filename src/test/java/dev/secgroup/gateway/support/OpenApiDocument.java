package dev.secgroup.gateway.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document ({@code /v3/api-docs}) as the tests read it: operations
 * by path and method, parameters by name, schemas with their {@code $ref} resolved.
 *
 * @param root the whole document
 */
public record OpenApiDocument(JsonNode root) {

	public static final String VPC = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	public static final String HSS = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

	public JsonNode vpc() {
		return root.path("paths").path(VPC).path("put");
	}

	public JsonNode hss() {
		return root.path("paths").path(HSS).path("post");
	}

	/** Asserts a required string path parameter with exactly this pattern. */
	public void assertPathParameter(JsonNode operation, String name, String pattern) {
		JsonNode parameter = parameter(operation, name);
		assertThat(parameter.path("in").asString()).as(name).isEqualTo("path");
		assertThat(parameter.path("required").asBoolean()).as(name).isTrue();
		assertThat(parameter.path("schema").path("type").asString()).as(name).isEqualTo("string");
		assertThat(parameter.path("schema").path("pattern").asString()).as(name).isEqualTo(pattern);
	}

	public JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters").values()) {
			if (name.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " in " + operation.path("operationId").asString());
	}

	/**
	 * The operation's own path and query parameters, without the headers every operation
	 * takes (e.g. {@code Idempotency-Key}).
	 */
	public List<JsonNode> pathAndQueryParameters(JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").values().forEach(parameter -> {
			if (!"header".equals(parameter.path("in").asString())) {
				parameters.add(parameter);
			}
		});
		return parameters;
	}

	/** The JSON request body's schema, which must be required. */
	public JsonNode requestSchema(JsonNode operation) {
		JsonNode requestBody = operation.path("requestBody");
		assertThat(requestBody.path("required").asBoolean()).isTrue();
		return resolve(requestBody.path("content").path("application/json").path("schema"));
	}

	/** The schema itself, or the component its {@code $ref} names. */
	public JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return schema;
		}
		assertThat(ref).startsWith("#/components/schemas/");
		JsonNode resolved = root.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
		assertThat(resolved.isMissingNode()).as(ref).isFalse();
		return resolved;
	}

	public static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	public static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.values().forEach(value -> values.add(value.asString()));
		return values;
	}

}
