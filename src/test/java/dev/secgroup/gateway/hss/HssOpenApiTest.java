package dev.secgroup.gateway.hss;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.OpenApiTestSupport;
import dev.secgroup.gateway.web.DocumentExamples;
import dev.secgroup.gateway.web.PathRules;

import static dev.secgroup.gateway.support.OpenApiDocument.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document states the contract the gateway enforces on HSS
 * create-security-group-policy: the path and query rules, the required members and bounds
 * of {@link CreateSecurityGroupPolicyRequest} and {@link SecurityGroup}, and the
 * document's example. A client generated from it must not accept what the gateway
 * refuses.
 */
class HssOpenApiTest extends OpenApiTestSupport {

	@Test
	void pathParametersAndEnterpriseProjectQueryCarryTheirPatterns() {
		doc.assertPathParameter(doc.hss(), "project_id", PathRules.PROJECT_ID);
		doc.assertPathParameter(doc.hss(), "cluster_id", PathRules.RESOURCE_ID);
		doc.assertPathParameter(doc.hss(), "namespace", PathRules.NAMESPACE);
		JsonNode enterpriseProject = doc.parameter(doc.hss(), "enterprise_project_id");
		assertThat(enterpriseProject.path("in").asString()).isEqualTo("query");
		assertThat(enterpriseProject.path("required").asBoolean(true)).isFalse();
		assertThat(enterpriseProject.path("schema").path("pattern").asString()).isEqualTo(PathRules.PROJECT_ID);
		assertThat(doc.pathAndQueryParameters(doc.hss())).hasSize(4);
	}

	@Test
	void requestSchemaRequiresEveryDocumentedMemberAndBoundsThem() {
		JsonNode body = doc.requestSchema(doc.hss());
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

		JsonNode group = doc.resolve(groups.path("items"));
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
	void requestBodyShowsTheDocumentExampleAndErrorsAreProblems() {
		JsonNode example = doc.hss().at("/requestBody/content/application~1json/examples/document example/value");
		assertThat(example.path("workload_type").asString()).isEqualTo("deployments");
		assertThat(example.path("security_groups").get(0).path("security_group_id").asString())
			.isEqualTo("03b46bce-b0b7-42d3-992d-ddfb567106f0");
		assertThat(doc.hss().path("responses").path("400").path("content").has("application/problem+json")).isTrue();
	}

	@Test
	void exampleIsTheOneCopyOfTheDocumentsExample() {
		assertThat(doc.hss().at("/requestBody/content/application~1json/examples/document example/value"))
			.isEqualTo(parse(DocumentExamples.text(HssDocumentExamples.REQUEST)));
	}

}
