package dev.secgroup.gateway.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.secgroup.gateway.hss.HssValidationCases;
import dev.secgroup.gateway.support.RequestCase;
import dev.secgroup.gateway.support.RequestCase.Accepted;
import dev.secgroup.gateway.support.RequestCase.Rejection;
import dev.secgroup.gateway.vpc.VpcValidationCases;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator reads the upstream documents on its own (an oracle derived from the
 * gateway's records would check nothing); this keeps the two readings in agreement on the
 * gateway's validation matrix ({@code HssValidationCases}, {@code VpcValidationCases}):
 * every request the gateway refuses by a rule of the document, sent straight to the
 * simulator, is refused there too, with the fake's 400; every request the gateway
 * forwards is taken by the simulator. The gateway's own stricter bounds (list sizes,
 * control characters, path charsets, strict JSON) are the gateway's alone and not checked
 * here.
 */
class SimulatorAgreesWithGatewayTest extends SimulatorTestSupport {

	@Autowired
	VpcPortStore ports;

	@Autowired
	HssPolicyStore policies;

	@BeforeEach
	void freshStores() {
		ports.reset();
		policies.reset();
	}

	static Stream<Rejection> refusedByTheDocument() {
		return Stream
			.of(HssValidationCases.bodyViolations(), HssValidationCases.bodiesOfTheWrongJsonTypes(),
					HssValidationCases.invalidPathAndQueryValues(), VpcValidationCases.bodyViolations(),
					VpcValidationCases.bodiesOfTheWrongJsonTypes(), VpcValidationCases.invalidPathValues())
			.flatMap(Function.identity())
			.filter(rejection -> rejection.rule() == RequestCase.Rule.DOCUMENT);
	}

	static Stream<Accepted> forwardedByTheGateway() {
		return Stream.concat(HssValidationCases.validRequests(), VpcValidationCases.validRequests());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedByTheDocument")
	void whatTheDocumentForbidsTheSimulatorRefusesToo(Rejection rejection) {
		RequestCase.Call call = rejection.call();
		String upstream = call.method().equals("PUT") ? "vpc" : "hss";

		HttpResponse<String> response = send(call.method(), "/simulator/" + upstream + call.path(), call.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(parse(response.body()).path("error_code").asString()).isEqualTo(
				upstream.equals("vpc") ? VpcSimulatorController.INVALID_PARAM : HssSimulatorController.INVALID_PARAM);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forwardedByTheGateway")
	void whatTheGatewayForwardsTheSimulatorTakes(Accepted accepted) {
		if (accepted.upstream().equals("vpc")) {
			emptyPortAt(accepted.path());
		}

		HttpResponse<String> response = send(accepted.method(), "/simulator/" + accepted.upstream() + accepted.path(),
				accepted.body());

		assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
	}

	@Test
	void bothOperationsHaveDocumentRulesInTheMatrix() {
		List<Rejection> rules = refusedByTheDocument().toList();

		assertThat(rules).filteredOn(rejection -> rejection.name().startsWith("HSS: ")).hasSizeGreaterThan(40);
		assertThat(rules).filteredOn(rejection -> rejection.name().startsWith("VPC: ")).hasSizeGreaterThan(20);
	}

	/**
	 * The port the call names, holding no security group: whether a port exists and how
	 * full it is are the store's state, not a reading of the document.
	 */
	private void emptyPortAt(String path) {
		String[] segments = path.split("/");
		ports.put(json.createObjectNode()
			.put("project_id", segments[2])
			.put("id", segments[4])
			.set("security_groups", json.createArrayNode()));
	}

}
