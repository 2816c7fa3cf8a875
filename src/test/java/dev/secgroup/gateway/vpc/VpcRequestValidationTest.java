package dev.secgroup.gateway.vpc;

import dev.secgroup.gateway.support.OperationValidationTestSupport;

/**
 * The validation matrix of VPC insert-security-groups (the document plus the gateway's
 * own bounds on the request records and the path), as
 * {@link OperationValidationTestSupport} runs it. The cases are in
 * {@link VpcValidationCases}.
 */
class VpcRequestValidationTest extends OperationValidationTestSupport {

	VpcRequestValidationTest() {
		super(new Cases(VpcValidationCases::bodyViolations, VpcValidationCases::bodiesOfTheWrongJsonTypes,
				VpcValidationCases::invalidPathValues, VpcValidationCases::severalViolations,
				VpcValidationCases::validRequests));
	}

}
