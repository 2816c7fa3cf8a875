package dev.secgroup.gateway.vpc;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;

import dev.secgroup.gateway.web.DocumentExamples;

import org.springframework.web.method.HandlerMethod;

/**
 * Shows the VPC document's example request and its 200 answer on the operation in the
 * OpenAPI document, read from the one copy of each under {@code examples/}.
 */
class VpcDocumentExamples implements OperationCustomizer {

	static final String REQUEST = "vpc-insert-security-groups-request.json";

	static final String RESPONSE = "vpc-insert-security-groups-response.json";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (handlerMethod.getBeanType() == PortSecurityGroupController.class) {
			DocumentExamples.showRequest(operation, REQUEST);
			DocumentExamples.showResponse(operation, "200", RESPONSE);
		}
		return operation;
	}

}
