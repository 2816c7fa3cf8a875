package dev.secgroup.gateway.support;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.secgroup.gateway.support.RequestCase.Accepted;
import dev.secgroup.gateway.support.RequestCase.Rejection;

/**
 * The validation matrix of one mirrored operation, sent to the gateway: each invalid
 * request is answered with problem+json naming the bad member in the caller's JSON terms,
 * and never reaches upstream; every violation of one request is reported at once; valid
 * minimal requests and valid boundary values do reach upstream unchanged, so the matrix
 * is not vacuous. A subclass names its operation's {@link Cases}.
 * <p>
 * One instance per class, so that the case sources can be the subclass's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OperationValidationTestSupport extends RequestValidationSupport {

	private final Cases cases;

	protected OperationValidationTestSupport(Cases cases) {
		this.cases = cases;
	}

	Stream<Rejection> bodyViolations() {
		return cases.bodyViolations().get();
	}

	Stream<Rejection> bodiesOfTheWrongJsonTypes() {
		return cases.bodiesOfTheWrongJsonTypes().get();
	}

	Stream<Rejection> invalidPathAndQueryValues() {
		return cases.invalidPathAndQueryValues().get();
	}

	Stream<Accepted> validRequests() {
		return cases.validRequests().get();
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
		assertRejected(cases.severalViolations().get());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validRequests")
	void validRequestReachesUpstreamUnchanged(Accepted accepted) {
		assertReachesUpstreamUnchanged(accepted);
	}

	/**
	 * The cases of one operation (its {@code *ValidationCases} class).
	 *
	 * @param bodyViolations bodies breaking a constraint of a member
	 * @param bodiesOfTheWrongJsonTypes members of another JSON type than documented,
	 * unknown or repeated members
	 * @param invalidPathAndQueryValues path variables and query parameters out of bounds
	 * @param severalViolations one request breaking several constraints at once
	 * @param validRequests minimal requests and boundary values that are valid
	 */
	public record Cases(Supplier<Stream<Rejection>> bodyViolations,
			Supplier<Stream<Rejection>> bodiesOfTheWrongJsonTypes,
			Supplier<Stream<Rejection>> invalidPathAndQueryValues, Supplier<Rejection> severalViolations,
			Supplier<Stream<Accepted>> validRequests) {
	}

}
