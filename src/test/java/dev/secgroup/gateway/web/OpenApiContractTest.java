package dev.secgroup.gateway.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document states the same contract the gateway enforces: the path
 * and query rules of {@link PathRules}, the required members and bounds of the request
 * records, and the document examples. A client generated from it must not accept what the
 * gateway refuses.
 */
class OpenApiContractTest extends GatewayTestSupport {

	private static final String VPC = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	private static final String HSS = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

	private JsonNode doc;

	@BeforeEach
	void fetchDocument() {
		HttpResponse<String> response = send("GET", "/v3/api-docs", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		doc = parse(response.body());
	}

	@Test
	void documentsExactlyTheTwoMirroredOperations() {
		assertThat(names(doc.path("paths"))).containsExactlyInAnyOrder(VPC, HSS);
		assertThat(names(doc.path("paths").path(VPC))).containsExactly("put");
		assertThat(names(doc.path("paths").path(HSS))).containsExactly("post");
		assertThat(vpc().path("operationId").asString()).isEqualTo("AddSecurityGroups");
		assertThat(hss().path("operationId").asString()).isEqualTo("CreateSecurityGroupPolicy");
	}

	@Test
	void vpcPathParametersCarryTheirPatterns() {
		assertPathParameter(vpc(), "project_id", PathRules.PROJECT_ID);
		assertPathParameter(vpc(), "port_id", PathRules.RESOURCE_ID);
		assertThat(pathAndQueryParameters(vpc())).hasSize(2);
	}

	@Test
	void hssPathParametersAndEnterpriseProjectQueryCarryTheirPatterns() {
		assertPathParameter(hss(), "project_id", PathRules.PROJECT_ID);
		assertPathParameter(hss(), "cluster_id", PathRules.RESOURCE_ID);
		assertPathParameter(hss(), "namespace", PathRules.NAMESPACE);
		JsonNode enterpriseProject = parameter(hss(), "enterprise_project_id");
		assertThat(enterpriseProject.path("in").asString()).isEqualTo("query");
		assertThat(enterpriseProject.path("required").asBoolean(true)).isFalse();
		assertThat(enterpriseProject.path("schema").path("pattern").asString()).isEqualTo(PathRules.PROJECT_ID);
		assertThat(pathAndQueryParameters(hss())).hasSize(4);
	}

	@Test
	void vpcRequestSchemaRequiresPortAndBoundsItsSecurityGroups() {
		JsonNode body = requestSchema(vpc());
		assertThat(strings(body.path("required"))).containsExactly("port");
		assertThat(names(body.path("properties"))).containsExactlyInAnyOrder("port", "dry_run");
		assertThat(body.path("properties").path("dry_run").path("type").asString()).isEqualTo("boolean");

		JsonNode option = resolve(body.path("properties").path("port"));
		assertThat(strings(option.path("required"))).containsExactly("security_groups");
		JsonNode groups = option.path("properties").path("security_groups");
		assertThat(groups.path("type").asString()).isEqualTo("array");
		assertThat(groups.path("minItems").asInt()).isEqualTo(1);
		assertThat(groups.path("maxItems").asInt()).isEqualTo(100);
		assertThat(groups.path("items").path("pattern").asString()).isEqualTo(PathRules.RESOURCE_ID);
		JsonNode index = option.path("properties").path("index");
		assertThat(index.path("type").asString()).isEqualTo("integer");
		assertThat(index.has("minimum")).isTrue();
		assertThat(index.path("minimum").asInt()).isZero();
	}

	@Test
	void hssRequestSchemaRequiresEveryDocumentedMemberAndBoundsThem() {
		JsonNode body = requestSchema(hss());
		assertThat(strings(body.path("required"))).containsExactlyInAnyOrder("policy_name", "workload_id",
				"workload_name", "workload_type", "security_groups");
		JsonNode properties = body.path("properties");
		assertThat(strings(properties.path("workload_type").path("enum"))).containsExactly("deployments",
				"statefulsets", "daemonsets");
		for (String name : List.of("policy_name", "workload_id", "workload_name")) {
			assertThat(properties.path(name).path("maxLength").asInt()).as(name).isEqualTo(256);
		}
		JsonNode groups = properties.path("security_groups");
		assertThat(groups.path("type").asString()).isEqualTo("array");
		assertThat(groups.path("minItems").asInt()).isEqualTo(1);
		assertThat(groups.path("maxItems").asInt()).isEqualTo(100);

		JsonNode group = resolve(groups.path("items"));
		assertThat(strings(group.path("required"))).containsExactly("security_group_id");
		JsonNode id = group.path("properties").path("security_group_id");
		assertThat(id.path("minLength").asInt()).isEqualTo(1);
		assertThat(id.path("maxLength").asInt()).isEqualTo(64);
		assertThat(id.path("pattern").asString()).isEqualTo("^[A-Za-z0-9_-]{1,64}$");
		JsonNode name = group.path("properties").path("security_group_name");
		assertThat(name.path("maxLength").asInt()).isEqualTo(64);
		assertThat(name.path("pattern").asString()).isEqualTo("^[A-Za-z0-9_-]{1,64}$");
		JsonNode description = group.path("properties").path("security_group_description");
		assertThat(description.path("maxLength").asInt()).isEqualTo(256);
		assertThat(description.path("pattern").asString()).contains("<>");
	}

	@Test
	void vpcDocumentsTheUpstream200ExampleAndProblemErrors() {
		JsonNode ok = vpc().path("responses").path("200").path("content").path("application/json");
		JsonNode example = ok.path("examples").path("document example").path("value");
		assertThat(example.path("request_id").asString()).isEqualTo("458691c0-7db2-43d8-9400-053800c5ff53");
		assertThat(example.path("port").path("id").asString()).isEqualTo("99fd0c77-56b4-4bf6-8365-df352e45d5fc");
		assertThat(strings(example.path("port").path("security_groups"))).containsExactly(
				"567be4e3-d171-46ce-9e8a-c15e91cfe86a", "8edd3747-ccd4-49a1-82b9-a165eec314b4",
				"6c2d4540-3b7d-4207-a319-a7231b439995", "4940b983-5992-4663-bed9-d1d1e15d1009");
		assertThat(example.path("port").path("binding:vif_type").asString()).isEqualTo("unbound");
		assertThat(resolve(ok.path("schema")).path("properties").has("port")).isTrue();
		assertThat(vpc().path("responses").path("400").path("content").has("application/problem+json")).isTrue();
		assertThat(hss().path("responses").path("400").path("content").has("application/problem+json")).isTrue();
	}

	@Test
	void bothRequestBodiesShowTheDocumentExample() {
		JsonNode vpcExample = vpc().at("/requestBody/content/application~1json/examples/document example/value");
		assertThat(vpcExample.path("port").path("index").asInt()).isEqualTo(1);
		JsonNode hssExample = hss().at("/requestBody/content/application~1json/examples/document example/value");
		assertThat(hssExample.path("workload_type").asString()).isEqualTo("deployments");
		assertThat(hssExample.path("security_groups").get(0).path("security_group_id").asString())
			.isEqualTo("03b46bce-b0b7-42d3-992d-ddfb567106f0");
	}

	@Test
	void swaggerUiAnswers() {
		HttpResponse<String> entry = send("GET", "/swagger-ui.html", null, null);
		assertThat(entry.statusCode()).isIn(200, 301, 302, 303, 307, 308);
		String page = "/swagger-ui.html";
		if (entry.statusCode() != 200) {
			page = entry.headers().firstValue("Location").orElseThrow();
			assertThat(page).endsWith("/swagger-ui/index.html");
		}

		HttpResponse<String> ui = send("GET", page, null, null);

		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(ui.body()).containsIgnoringCase("swagger");
	}

	private JsonNode vpc() {
		return doc.path("paths").path(VPC).path("put");
	}

	private JsonNode hss() {
		return doc.path("paths").path(HSS).path("post");
	}

	private void assertPathParameter(JsonNode operation, String name, String pattern) {
		JsonNode parameter = parameter(operation, name);
		assertThat(parameter.path("in").asString()).as(name).isEqualTo("path");
		assertThat(parameter.path("required").asBoolean()).as(name).isTrue();
		assertThat(parameter.path("schema").path("type").asString()).as(name).isEqualTo("string");
		assertThat(parameter.path("schema").path("pattern").asString()).as(name).isEqualTo(pattern);
	}

	/** The operation's own parameters, without the headers every operation takes. */
	private static List<JsonNode> pathAndQueryParameters(JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameter -> {
			if (!"header".equals(parameter.path("in").asString())) {
				parameters.add(parameter);
			}
		});
		return parameters;
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters").values()) {
			if (name.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " in " + operation.path("operationId").asString());
	}

	private JsonNode requestSchema(JsonNode operation) {
		JsonNode requestBody = operation.path("requestBody");
		assertThat(requestBody.path("required").asBoolean()).isTrue();
		return resolve(requestBody.path("content").path("application/json").path("schema"));
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.isEmpty()) {
			return schema;
		}
		assertThat(ref).startsWith("#/components/schemas/");
		JsonNode resolved = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
		assertThat(resolved.isMissingNode()).as(ref).isFalse();
		return resolved;
	}

	private static List<String> names(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.values().forEach(value -> values.add(value.asString()));
		return values;
	}

}
