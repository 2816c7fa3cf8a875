package dev.secgroup.gateway.hss;

import dev.secgroup.gateway.support.OperationValidationTestSupport;

/**
 * The validation matrix of HSS create-security-group-policy (the document plus the
 * gateway's own bounds on the request records, the path and the query), as
 * {@link OperationValidationTestSupport} runs it. The cases are in
 * {@link HssValidationCases}.
 */
class HssRequestValidationTest extends OperationValidationTestSupport {

	HssRequestValidationTest() {
		super(new Cases(HssValidationCases::bodyViolations, HssValidationCases::bodiesOfTheWrongJsonTypes,
				HssValidationCases::invalidPathAndQueryValues, HssValidationCases::severalViolations,
				HssValidationCases::validRequests));
	}

}
