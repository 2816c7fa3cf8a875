package dev.secgroup.gateway.security;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grants down to the resource. {@code team-d} may call both operations on
 * {@link #PROJECT}, attaching only the security groups {@code 8edd3747-*} and
 * {@code 6c2d4540-3b7d-4207-a319-a7231b439995}, on cluster {@link #CLUSTER} only, in
 * namespaces {@code monitoring} and {@code team-d-*}. A request naming anything else is
 * 403 problem+json naming field and value, audited, and never reaches upstream.
 * {@code team-b} has no resource lists: it keeps every resource, as before.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "gateway.security.clients[3].name=team-d",
		"gateway.security.clients[3].api-key-sha256=" + ResourceGrantsTest.KEY_D_SHA256,
		"gateway.security.clients[3].projects[0]=" + SecuredGatewayTestSupport.PROJECT,
		"gateway.security.clients[3].operations[0]=vpc:AddSecurityGroups",
		"gateway.security.clients[3].operations[1]=hss:CreateSecurityGroupPolicy",
		"gateway.security.clients[3].security-groups[0]=8edd3747-*",
		"gateway.security.clients[3].security-groups[1]=6c2d4540-3b7d-4207-a319-a7231b439995",
		"gateway.security.clients[3].security-groups[2]=03b46bce-b0b7-42d3-992d-ddfb567106f0",
		"gateway.security.clients[3].clusters[0]=" + SecuredGatewayTestSupport.CLUSTER,
		"gateway.security.clients[3].namespaces[0]=monitoring", "gateway.security.clients[3].namespaces[1]=team-d-*" })
class ResourceGrantsTest extends SecuredGatewayTestSupport {

	static final String KEY_D = "team-d-key-R4n8Vb2Lq6Xw1Hs9";

	static final String KEY_D_SHA256 = "c4c7ceea4e773bbfbb42cbe40d81b08cb5f98777cda357e4e22701ae2383943e";

	private static final String FOREIGN_GROUP = "f00dbabe-0000-4000-8000-000000000001";

	private static final String VPC_FOREIGN_BODY = """
			{"port":{"security_groups":["8edd3747-ccd4-49a1-82b9-a165eec314b4","%s"]}}""".formatted(FOREIGN_GROUP);

	private static final String HSS_FOREIGN_BODY = HSS_BODY.replace("03b46bce-b0b7-42d3-992d-ddfb567106f0",
			FOREIGN_GROUP);

	@BeforeEach
	void upstreamAnswers() {
		upstream.stubFor(WireMock.any(urlPathMatching("/(vpc|hss)/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	@Test
	void groupsInsideTheGrantGoThrough() {
		assertThat(sendWithKey("PUT", VPC_PATH, KEY_D, VPC_BODY).statusCode()).isEqualTo(200);
		assertThat(sendWithKey("POST", HSS_PATH, KEY_D, HSS_BODY).statusCode()).isEqualTo(200);
		assertThat(sendWithKey("POST", hssPath(CLUSTER, "team-d-web"), KEY_D, HSS_BODY).statusCode()).isEqualTo(200);

		upstream.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	void aSecurityGroupOutsideTheGrantIsRefusedAuditedAndNeverSent(CapturedOutput output) {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_D, VPC_FOREIGN_BODY);

		JsonNode problem = assertRefused(response, "port.security_groups[1]", FOREIGN_GROUP);
		assertThat(problem.get("detail").asString()).contains("security group '" + FOREIGN_GROUP + "'");
		upstream.verify(0, anyRequestedFor(anyUrl()));
		JsonNode audit = AuditLines.single(output, response.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(audit.get("status").asInt()).isEqualTo(403);
		assertThat(audit.get("error_code").asString()).isEqualTo("GW.0403");
		assertThat(audit.get("client").asString()).isEqualTo("team-d");
		assertThat(audit.get("operation").asString()).isEqualTo("vpc:AddSecurityGroups");
		assertThat(audit.get("security_group_ids").toString()).contains(FOREIGN_GROUP);
		assertThat(audit.get("upstream_status").isNull()).isTrue();
	}

	@Test
	void hssChecksClusterNamespaceAndSecurityGroups(CapturedOutput output) {
		String otherCluster = "7c1e0f2a-0000-4000-8000-00000000abcd";
		assertRefused(sendWithKey("POST", hssPath(otherCluster, "monitoring"), KEY_D, HSS_BODY), "cluster_id",
				otherCluster);
		assertRefused(sendWithKey("POST", hssPath(CLUSTER, "kube-system"), KEY_D, HSS_BODY), "namespace",
				"kube-system");
		HttpResponse<String> group = sendWithKey("POST", HSS_PATH, KEY_D, HSS_FOREIGN_BODY);
		assertRefused(group, "security_groups[0].security_group_id", FOREIGN_GROUP);

		upstream.verify(0, anyRequestedFor(anyUrl()));
		JsonNode audit = AuditLines.single(output, group.headers().firstValue("X-Request-Id").orElseThrow());
		assertThat(audit.get("status").asInt()).isEqualTo(403);
		assertThat(audit.get("error_code").asString()).isEqualTo("GW.0403");
	}

	@Test
	void aGrantWithoutResourceListsKeepsEveryResource() {
		assertThat(sendWithKey("PUT", VPC_PATH, KEY_B, VPC_FOREIGN_BODY).statusCode()).isEqualTo(200);
		assertThat(sendWithKey("POST", hssPath("7c1e0f2a-0000-4000-8000-00000000abcd", "kube-system"), KEY_B,
				HSS_FOREIGN_BODY)
			.statusCode()).isEqualTo(200);

		upstream.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	void anInvalidBodyIsStill400BeforeAnyGrantIsChecked() {
		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_D, "{\"port\":{}}");

		assertThat(response.statusCode()).isEqualTo(400);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	private static String hssPath(String cluster, String namespace) {
		return "/v5/" + PROJECT + "/container-network/" + cluster + "/" + namespace + "/security-group-policy";
	}

	private static JsonNode assertRefused(HttpResponse<String> response, String field, String value) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = parse(response.body());
		assertThat(problem.get("error_code").asString()).isEqualTo("GW.0403");
		assertThat(problem.get("client").asString()).isEqualTo("team-d");
		assertThat(problem.get("field").asString()).isEqualTo(field);
		assertThat(problem.get("value").asString()).isEqualTo(value);
		assertThat(problem.get("detail").asString()).contains(value)
			.contains(field)
			.contains("Nothing was sent upstream");
		assertThat(problem.get("request_id").asString()).isNotBlank();
		return problem;
	}

}
