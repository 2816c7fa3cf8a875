package dev.secgroup.gateway.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.web.DocumentExamples;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorHssTest extends SimulatorTestSupport {

	static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	static final String CLUSTER = "4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08";

	static final String PATH = "/simulator/hss/v5/" + PROJECT + "/container-network/" + CLUSTER
			+ "/monitoring/security-group-policy";

	/** The document's example request, verbatim. */
	static final String DOC_REQUEST = DocumentExamples.text("hss-create-security-group-policy-request.json");

	@Autowired
	HssPolicyStore policies;

	@BeforeEach
	void forget() {
		policies.reset();
	}

	@Test
	void docExampleIsRecordedAndAnswered200WithAnEmptyBody() {
		HttpResponse<String> response = send("POST", PATH + "?enterprise_project_id=all_granted_eps", DOC_REQUEST);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).isEmpty();
		String requestId = requestIdOf(response);
		assertThat(policies.policies(PROJECT, CLUSTER, "monitoring")).containsExactly(new RecordedPolicy(requestId,
				PROJECT, CLUSTER, "monitoring", "all_granted_eps", "ywk-test", "27f3d7af-e947-4731-a3d2-8a561ae33069",
				"kube-state-metrics", "deployments",
				List.of(new RecordedPolicy.SecurityGroup("03b46bce-b0b7-42d3-992d-ddfb567106f0", "sg-4a7d", null))));
	}

	@Test
	void withoutEnterpriseProjectNoneIsRecorded() {
		assertThat(send("POST", PATH, DOC_REQUEST).statusCode()).isEqualTo(200);

		assertThat(policies.all()).singleElement()
			.satisfies(policy -> assertThat(policy.enterpriseProjectId()).isNull());
	}

	@Test
	void policiesAreKeptPerNamespaceAndEveryCallIsOneEntry() {
		send("POST", PATH, DOC_REQUEST);
		send("POST", PATH, DOC_REQUEST);
		send("POST", PATH.replace("/monitoring/", "/kube-system/"), DOC_REQUEST);

		assertThat(policies.policies(PROJECT, CLUSTER, "monitoring")).hasSize(2);
		assertThat(policies.policies(PROJECT, CLUSTER, "kube-system")).hasSize(1);
		assertThat(policies.all()).hasSize(3);
	}

	@Test
	void optionalDescriptionIsRecorded() {
		send("POST", PATH, """
				{"policy_name":"p","workload_id":"w","workload_name":"n","workload_type":"daemonsets",
				 "security_groups":[{"security_group_id":"sg_1","security_group_description":"web tier, port 443"},
				                    {"security_group_id":"sg-2"}]}""");

		assertThat(policies.all()).singleElement()
			.satisfies(policy -> assertThat(policy.securityGroups()).containsExactly(
					new RecordedPolicy.SecurityGroup("sg_1", null, "web tier, port 443"),
					new RecordedPolicy.SecurityGroup("sg-2", null, null)));
	}

	static Stream<Arguments> invalidBodies() {
		return Stream.of(Arguments.of("no body", ""), Arguments.of("not JSON", "not json"),
				Arguments.of("not an object", "[]"), Arguments.of("empty object", "{}"),
				invalid("policy_name missing", body -> body.remove("policy_name")),
				invalid("policy_name empty", body -> body.put("policy_name", "")),
				invalid("policy_name a number", body -> body.put("policy_name", 1)),
				invalid("workload_id missing", body -> body.remove("workload_id")),
				invalid("workload_name null", body -> body.putNull("workload_name")),
				invalid("workload_type unknown", body -> body.put("workload_type", "pods")),
				invalid("security_groups missing", body -> body.remove("security_groups")),
				invalid("security_groups empty", body -> body.putArray("security_groups")),
				invalid("security group a string", body -> body.putArray("security_groups").add("sg")),
				invalid("security_group_id missing", body -> body.putArray("security_groups").addObject()),
				invalid("security_group_id with a space", body -> group(body).put("security_group_id", "s g")),
				invalid("security_group_id of 65", body -> group(body).put("security_group_id", "a".repeat(65))),
				invalid("security_group_name empty", body -> group(body).put("security_group_name", "")),
				invalid("security_group_description with HTML",
						body -> group(body).put("security_group_description", "<b>x</b>")),
				invalid("security_group_description of 257",
						body -> group(body).put("security_group_description", "d".repeat(257))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidBodies")
	void aMissingOrInvalidBodyIs400WithAnHssBodyAndRecordsNothing(String caseName, String body) {
		HttpResponse<String> response = send("POST", PATH, body);

		assertHssError(response);
		assertThat(policies.all()).isEmpty();
	}

	@Test
	void anEmptyEnterpriseProjectIdIs400() {
		assertHssError(send("POST", PATH + "?enterprise_project_id=", DOC_REQUEST));
		assertThat(policies.all()).isEmpty();
	}

	@Test
	void anotherMethodOnThePolicyPathIs404FromTheApiGateway() {
		assertVpcError(send("PUT", PATH, DOC_REQUEST), 404, "APIGW.0101");
		assertThat(policies.all()).isEmpty();
	}

	private static Arguments invalid(String caseName, Consumer<ObjectNode> change) {
		ObjectNode body = (ObjectNode) parse(DOC_REQUEST);
		change.accept(body);
		return Arguments.of(caseName, json.writeValueAsString(body));
	}

	private static ObjectNode group(ObjectNode body) {
		return (ObjectNode) body.get("security_groups").get(0);
	}

	private static void assertHssError(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		requestIdOf(response);
		JsonNode body = parse(response.body());
		assertThat(body.propertyNames()).containsExactly("error_code", "error_description", "error_msg");
		assertThat(body.get("error_code").asString()).isEqualTo("HSS.1001");
		assertThat(body.get("error_description").asString()).isNotBlank();
		assertThat(body.get("error_msg").asString()).isNotBlank();
	}

}
