package dev.secgroup.gateway.hss;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;

import dev.secgroup.gateway.web.DocumentExamples;

import org.springframework.web.method.HandlerMethod;

/**
 * Shows the HSS document's example request on the operation in the OpenAPI document, read
 * from the one copy under {@code examples/}.
 */
class HssDocumentExamples implements OperationCustomizer {

	static final String REQUEST = "hss-create-security-group-policy-request.json";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (handlerMethod.getBeanType() == SecurityGroupPolicyController.class) {
			DocumentExamples.showRequest(operation, REQUEST);
		}
		return operation;
	}

}
