package dev.secgroup.gateway.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

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
