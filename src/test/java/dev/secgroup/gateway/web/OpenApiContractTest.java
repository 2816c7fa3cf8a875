package dev.secgroup.gateway.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.OpenApiTestSupport;

import static dev.secgroup.gateway.support.OpenApiDocument.HSS;
import static dev.secgroup.gateway.support.OpenApiDocument.VPC;
import static dev.secgroup.gateway.support.OpenApiDocument.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document has exactly the mirrored operations, each under
 * upstream's operation id, and Swagger UI shows it. What each operation's schema states
 * is checked next to the operation ({@code vpc.VpcOpenApiTest},
 * {@code hss.HssOpenApiTest}); that the document lints clean is {@link OpenApiLintTest}.
 */
class OpenApiContractTest extends OpenApiTestSupport {

	@Test
	void documentsExactlyTheTwoMirroredOperations() {
		assertThat(names(doc.root().path("paths"))).containsExactlyInAnyOrder(VPC, HSS);
		assertThat(names(doc.root().path("paths").path(VPC))).containsExactly("put");
		assertThat(names(doc.root().path("paths").path(HSS))).containsExactly("post");
		assertThat(doc.vpc().path("operationId").asString()).isEqualTo("AddSecurityGroups");
		assertThat(doc.hss().path("operationId").asString()).isEqualTo("CreateSecurityGroupPolicy");
	}

	@Test
	void everyErrorResponseIsDeclaredAsJsonAndAsProblemJsonWithOneSchema() {
		List<String> checked = new ArrayList<>();
		for (JsonNode operation : List.of(doc.vpc(), doc.hss())) {
			operation.path("responses").properties().forEach(response -> {
				if (Integer.parseInt(response.getKey()) < 400) {
					return;
				}
				JsonNode content = response.getValue().path("content");
				assertThat(content.has("application/json")).as(response.getKey()).isTrue();
				assertThat(content.has("application/problem+json")).as(response.getKey()).isTrue();
				assertThat(content.path("application/json").path("schema"))
					.isEqualTo(content.path("application/problem+json").path("schema"));
				checked.add(response.getKey());
			});
		}
		assertThat(checked).contains("400", "502");
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

}
