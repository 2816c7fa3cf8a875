package dev.secgroup.gateway.vpc;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.OpenApiTestSupport;
import dev.secgroup.gateway.web.DocumentExamples;
import dev.secgroup.gateway.web.PathRules;

import static dev.secgroup.gateway.support.OpenApiDocument.names;
import static dev.secgroup.gateway.support.OpenApiDocument.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document states the contract the gateway enforces on VPC
 * insert-security-groups: the path rules, the required members and bounds of
 * {@link InsertSecurityGroupsRequest}, and the document's examples. A client generated
 * from it must not accept what the gateway refuses.
 */
class VpcOpenApiTest extends OpenApiTestSupport {

	@Test
	void pathParametersCarryTheirPatterns() {
		doc.assertPathParameter(doc.vpc(), "project_id", PathRules.PROJECT_ID);
		doc.assertPathParameter(doc.vpc(), "port_id", PathRules.RESOURCE_ID);
		assertThat(doc.pathAndQueryParameters(doc.vpc())).hasSize(2);
	}

	@Test
	void requestSchemaRequiresPortAndBoundsItsSecurityGroups() {
		JsonNode body = doc.requestSchema(doc.vpc());
		assertThat(strings(body.path("required"))).containsExactly("port");
		assertThat(names(body.path("properties"))).containsExactlyInAnyOrder("port", "dry_run");
		assertThat(body.path("properties").path("dry_run").path("type").asString()).isEqualTo("boolean");

		JsonNode option = doc.resolve(body.path("properties").path("port"));
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
	void documentsTheUpstream200ExampleAndProblemErrors() {
		JsonNode ok = doc.vpc().path("responses").path("200").path("content").path("application/json");
		JsonNode example = ok.path("examples").path("document example").path("value");
		assertThat(example.path("request_id").asString()).isEqualTo("458691c0-7db2-43d8-9400-053800c5ff53");
		assertThat(example.path("port").path("id").asString()).isEqualTo("99fd0c77-56b4-4bf6-8365-df352e45d5fc");
		assertThat(strings(example.path("port").path("security_groups"))).containsExactly(
				"567be4e3-d171-46ce-9e8a-c15e91cfe86a", "8edd3747-ccd4-49a1-82b9-a165eec314b4",
				"6c2d4540-3b7d-4207-a319-a7231b439995", "4940b983-5992-4663-bed9-d1d1e15d1009");
		assertThat(example.path("port").path("binding:vif_type").asString()).isEqualTo("unbound");
		assertThat(doc.resolve(ok.path("schema")).path("properties").has("port")).isTrue();
		assertThat(doc.vpc().path("responses").path("400").path("content").has("application/problem+json")).isTrue();
	}

	@Test
	void requestBodyShowsTheDocumentExample() {
		JsonNode example = doc.vpc().at("/requestBody/content/application~1json/examples/document example/value");
		assertThat(example.path("port").path("index").asInt()).isEqualTo(1);
	}

	@Test
	void examplesAreTheOneCopyOfTheDocumentsExamples() {
		assertThat(doc.vpc().at("/requestBody/content/application~1json/examples/document example/value"))
			.isEqualTo(parse(DocumentExamples.text(VpcDocumentExamples.REQUEST)));
		assertThat(doc.vpc().at("/responses/200/content/application~1json/examples/document example/value"))
			.isEqualTo(parse(DocumentExamples.text(VpcDocumentExamples.RESPONSE)));
	}

}
