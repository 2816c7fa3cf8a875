package dev.secgroup.gateway.call;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each declared operation is served by exactly one controller method, mapped on the
 * declaration's method and path: the declaration and the mapping cannot drift apart.
 */
class MirroredOperationMappingsTest extends GatewayTestSupport {

	@Autowired
	private MirroredOperations operations;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyOperationIsMappedOnceOnItsDeclaredMethodAndPath() {
		assertThat(operations.names()).containsExactly("hss:CreateSecurityGroupPolicy", "vpc:AddSecurityGroups");
		for (MirroredOperation operation : operations.all()) {
			List<RequestMappingInfo> serving = mappings.getHandlerMethods()
				.keySet()
				.stream()
				.filter(info -> info.getPatternValues().contains(operation.path()))
				.toList();

			assertThat(serving).as(operation.name()).hasSize(1);
			assertThat(serving.get(0).getMethodsCondition().getMethods()).as(operation.name())
				.containsExactly(RequestMethod.valueOf(operation.method().name()));
		}
	}

}
