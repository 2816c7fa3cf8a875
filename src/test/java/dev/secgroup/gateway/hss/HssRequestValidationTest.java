package dev.secgroup.gateway.hss;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.secgroup.gateway.support.RequestCase.Accepted;
import dev.secgroup.gateway.support.RequestCase.Rejection;
import dev.secgroup.gateway.support.RequestValidationSupport;

/**
 * One case per documented constraint of HSS create-security-group-policy (the document
 * plus the gateway's own bounds on the request records and the path): each invalid
 * request is answered with problem+json naming the bad member in the caller's JSON terms,
 * and never reaches upstream. Valid minimal requests and valid boundary values do reach
 * upstream, so the matrix is not vacuous. The cases are in {@link HssValidationCases}.
 */
class HssRequestValidationTest extends RequestValidationSupport {

	static Stream<Rejection> bodyViolations() {
		return HssValidationCases.bodyViolations();
	}

	static Stream<Rejection> bodiesOfTheWrongJsonTypes() {
		return HssValidationCases.bodiesOfTheWrongJsonTypes();
	}

	static Stream<Rejection> invalidPathAndQueryValues() {
		return HssValidationCases.invalidPathAndQueryValues();
	}

	static Stream<Accepted> validRequests() {
		return HssValidationCases.validRequests();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodyViolations")
	void bodyViolatingTheContractIsRejectedNamingTheMember(Rejection rejection) {
		assertRejected(rejection);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodiesOfTheWrongJsonTypes")
	void bodyThatIsNotTheDocumentedJsonIsRejectedNamingTheMember(Rejection rejection) {
		assertRejected(rejection);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPathAndQueryValues")
	void invalidPathOrQueryValueIsRejectedNamingTheParameter(Rejection rejection) {
		assertRejected(rejection);
	}

	@Test
	void everyInvalidMemberOfOneRequestIsReportedAtOnce() {
		assertRejected(HssValidationCases.severalViolations());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validRequests")
	void validRequestReachesUpstreamUnchanged(Accepted accepted) {
		assertReachesUpstreamUnchanged(accepted);
	}

}
