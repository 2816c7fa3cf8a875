package dev.secgroup.gateway.vpc;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.secgroup.gateway.support.RequestCase.Accepted;
import dev.secgroup.gateway.support.RequestCase.Rejection;
import dev.secgroup.gateway.support.RequestValidationSupport;

/**
 * One case per documented constraint of VPC insert-security-groups (the document plus the
 * gateway's own bounds on the request records and the path): each invalid request is
 * answered with problem+json naming the bad member in the caller's JSON terms, and never
 * reaches upstream. Valid minimal requests and valid boundary values do reach upstream,
 * so the matrix is not vacuous. The cases are in {@link VpcValidationCases}.
 */
class VpcRequestValidationTest extends RequestValidationSupport {

	static Stream<Rejection> bodyViolations() {
		return VpcValidationCases.bodyViolations();
	}

	static Stream<Rejection> bodiesOfTheWrongJsonTypes() {
		return VpcValidationCases.bodiesOfTheWrongJsonTypes();
	}

	static Stream<Rejection> invalidPathValues() {
		return VpcValidationCases.invalidPathValues();
	}

	static Stream<Accepted> validRequests() {
		return VpcValidationCases.validRequests();
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
	@MethodSource("invalidPathValues")
	void invalidPathValueIsRejectedNamingTheParameter(Rejection rejection) {
		assertRejected(rejection);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validRequests")
	void validRequestReachesUpstreamUnchanged(Accepted accepted) {
		assertReachesUpstreamUnchanged(accepted);
	}

}
