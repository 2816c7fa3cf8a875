package dev.secgroup.gateway.simulator;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skyscreamer.jsonassert.Customization;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.skyscreamer.jsonassert.comparator.CustomComparator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.web.DocumentExamples;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorVpcTest extends SimulatorTestSupport {

	static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	static final String PORT_ID = "99fd0c77-56b4-4bf6-8365-df352e45d5fc";

	static final String PATH = "/simulator/vpc/v3/" + PROJECT + "/ports/" + PORT_ID + "/insert-security-groups";

	static final String SG_1 = "567be4e3-d171-46ce-9e8a-c15e91cfe86a";

	static final String SG_2 = "4940b983-5992-4663-bed9-d1d1e15d1009";

	static final String NEW_A = "8edd3747-ccd4-49a1-82b9-a165eec314b4";

	static final String NEW_B = "6c2d4540-3b7d-4207-a319-a7231b439995";

	/** The document's example request, verbatim. */
	static final String DOC_REQUEST = DocumentExamples.text("vpc-insert-security-groups-request.json");

	/** The document's example response, verbatim. */
	static final String DOC_RESPONSE = DocumentExamples.text("vpc-insert-security-groups-response.json");

	@Autowired
	VpcPortStore ports;

	@BeforeEach
	void restoreSeed() {
		ports.reset();
	}

	@Test
	void docExampleRequestGivesTheDocExampleResponse() throws Exception {
		HttpResponse<String> response = send("PUT", PATH, DOC_REQUEST);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		// Everything but request_id, which is the simulator's own.
		JSONAssert.assertEquals(DOC_RESPONSE, response.body(), new CustomComparator(JSONCompareMode.STRICT,
				new Customization("request_id", (expected, actual) -> true)));
		JsonNode body = parse(response.body());
		assertThat(body.propertyNames()).containsExactly("port", "request_id");
		assertThat(body.get("port").propertyNames())
			.containsExactlyElementsOf(parse(DOC_RESPONSE).get("port").propertyNames());
		assertThat(body.get("request_id").asString()).isEqualTo(requestIdOf(response));
		assertThat(ports.securityGroups(PROJECT, PORT_ID)).hasValue(List.of(SG_1, NEW_A, NEW_B, SG_2));
	}

	@Test
	void eachAnswerHasItsOwnRequestIdNotTheCallers() {
		String first = requestIdOf(send("PUT", PATH, DOC_REQUEST));
		String second = requestIdOf(send("PUT", PATH, DOC_REQUEST));

		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void withoutIndexTheGroupsAreAppended() {
		HttpResponse<String> response = send("PUT", PATH, insert(null, NEW_A, NEW_B));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(groupsIn(response)).containsExactly(SG_1, SG_2, NEW_A, NEW_B);
		assertThat(ports.securityGroups(PROJECT, PORT_ID)).hasValue(List.of(SG_1, SG_2, NEW_A, NEW_B));
	}

	@Test
	void indexZeroPutsTheGroupsAtTheTop() {
		HttpResponse<String> response = send("PUT", PATH, insert(0, NEW_A, NEW_B));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(groupsIn(response)).containsExactly(NEW_A, NEW_B, SG_1, SG_2);
	}

	@Test
	void indexBeyondTheEndAppends() {
		HttpResponse<String> response = send("PUT", PATH, insert(7, NEW_A));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(groupsIn(response)).containsExactly(SG_1, SG_2, NEW_A);
	}

	@Test
	void aGroupAlreadyOnThePortIsNeitherRepeatedNorMoved() {
		HttpResponse<String> response = send("PUT", PATH, insert(0, SG_2, NEW_A, NEW_A));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(groupsIn(response)).containsExactly(NEW_A, SG_1, SG_2);
	}

	@Test
	void dryRunAnswers202WithOnlyARequestIdAndChangesNothing() {
		HttpResponse<String> response = send("PUT", PATH, dryRun(insert(1, NEW_A)));

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode body = parse(response.body());
		assertThat(body.propertyNames()).containsExactly("request_id");
		assertThat(body.get("request_id").asString()).isEqualTo(requestIdOf(response));
		assertThat(ports.securityGroups(PROJECT, PORT_ID)).hasValue(List.of(SG_1, SG_2));
	}

	@Test
	void dryRunFalseInserts() {
		HttpResponse<String> response = send("PUT", PATH,
				"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"]},\"dry_run\":false}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(ports.securityGroups(PROJECT, PORT_ID)).hasValue(List.of(SG_1, SG_2, NEW_A));
	}

	@Test
	void unknownPortIs404WithAHuaweiBody() {
		HttpResponse<String> response = send("PUT",
				"/simulator/vpc/v3/" + PROJECT + "/ports/00000000-0000-0000-0000-000000000000/insert-security-groups",
				DOC_REQUEST);

		assertVpcError(response, 404, "VPC.2501");
	}

	@Test
	void aPortOfAnotherProjectIsUnknown() {
		HttpResponse<String> response = send("PUT",
				"/simulator/vpc/v3/0123456789abcdef0123456789abcdef/ports/" + PORT_ID + "/insert-security-groups",
				DOC_REQUEST);

		assertVpcError(response, 404, "VPC.2501");
	}

	@Test
	void dryRunOnAnUnknownPortIs404() {
		HttpResponse<String> response = send("PUT",
				"/simulator/vpc/v3/" + PROJECT + "/ports/00000000-0000-0000-0000-000000000000/insert-security-groups",
				dryRun(insert(null, NEW_A)));

		assertVpcError(response, 404, "VPC.2501");
	}

	@Test
	void exactlyOneHundredGroupsOnAPortAreAccepted() {
		ports.put(portWith(98));

		HttpResponse<String> response = send("PUT", PATH, insert(null, NEW_A, NEW_B));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(groupsIn(response)).hasSize(100);
	}

	@Test
	void moreThanOneHundredGroupsOnAPortIs400AndChangesNothing() {
		ports.put(portWith(99));

		HttpResponse<String> response = send("PUT", PATH, insert(0, NEW_A, NEW_B));

		assertVpcError(response, 400, "VPC.2502");
		assertThat(ports.securityGroups(PROJECT, PORT_ID)).hasValueSatisfying(groups -> {
			assertThat(groups).hasSize(99);
			assertThat(groups).doesNotContain(NEW_A, NEW_B);
		});
	}

	@Test
	void dryRunOverTheLimitIs400() {
		ports.put(portWith(100));

		assertVpcError(send("PUT", PATH, dryRun(insert(null, NEW_A))), 400, "VPC.2502");
	}

	@Test
	void groupsAlreadyOnAFullPortDoNotCountTwice() {
		ports.put(portWith(100));
		String onThePort = ports.securityGroups(PROJECT, PORT_ID).orElseThrow().get(0);

		assertThat(send("PUT", PATH, insert(null, onThePort)).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "[]", "{}", "{\"port\":null}", "{\"port\":[]}", "{\"port\":{}}",
			"{\"port\":{\"security_groups\":[]}}", "{\"port\":{\"security_groups\":\"" + NEW_A + "\"}}",
			"{\"port\":{\"security_groups\":[1]}}", "{\"port\":{\"security_groups\":[\"\"]}}",
			"{\"port\":{\"security_groups\":[\"a b\"]}}",
			"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"],\"index\":-1}}",
			"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"],\"index\":\"1\"}}",
			"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"],\"index\":1.5}}",
			"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"],\"index\":4294967296}}",
			"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"]},\"dry_run\":\"true\"}" })
	void aMissingOrInvalidBodyIs400WithAHuaweiBodyAndChangesNothing(String body) {
		HttpResponse<String> response = send("PUT", PATH, body);

		assertVpcError(response, 400, "VPC.2500");
		assertThat(ports.securityGroups(PROJECT, PORT_ID)).hasValue(List.of(SG_1, SG_2));
	}

	@Test
	void unknownMembersAndNullsAreIgnored() {
		HttpResponse<String> response = send("PUT", PATH,
				"{\"port\":{\"security_groups\":[\"" + NEW_A + "\"],\"index\":null,\"extra\":1},\"dry_run\":null}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(groupsIn(response)).containsExactly(SG_1, SG_2, NEW_A);
	}

	@Test
	void anotherMethodOrPathUnderTheSimulatorIs404FromTheApiGateway() {
		assertVpcError(send("POST", PATH, DOC_REQUEST), 404, "APIGW.0101");
		assertVpcError(send("GET", "/simulator/vpc/v3/" + PROJECT + "/ports/" + PORT_ID, ""), 404, "APIGW.0101");
		assertVpcError(send("GET", "/simulator/iam/v3/auth/tokens", ""), 404, "APIGW.0101");
	}

	private static String insert(Integer index, String... groups) {
		ObjectNode body = json.createObjectNode();
		ObjectNode port = body.putObject("port");
		ArrayNode list = port.putArray("security_groups");
		for (String group : groups) {
			list.add(group);
		}
		if (index != null) {
			port.put("index", index);
		}
		return json.writeValueAsString(body);
	}

	private static String dryRun(String body) {
		ObjectNode node = (ObjectNode) parse(body);
		node.put("dry_run", true);
		return json.writeValueAsString(node);
	}

	private static List<String> groupsIn(HttpResponse<String> response) {
		List<String> groups = new ArrayList<>();
		parse(response.body()).get("port").get("security_groups").forEach(id -> groups.add(id.asString()));
		return groups;
	}

	/** The seeded port, holding {@code count} generated groups instead of its two. */
	private JsonNode portWith(int count) {
		ObjectNode port = (ObjectNode) ports.port(PROJECT, PORT_ID).orElseThrow();
		ArrayNode list = port.putArray("security_groups");
		IntStream.range(0, count).forEach(i -> list.add(String.format("00000000-0000-0000-0000-%012d", i)));
		return port;
	}

}
