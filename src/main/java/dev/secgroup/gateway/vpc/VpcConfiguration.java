package dev.secgroup.gateway.vpc;

import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.upstream.UpstreamClients;
import dev.secgroup.gateway.web.MirroredOperation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class VpcConfiguration {

	@Bean
	VpcClient vpcClient(UpstreamClients upstreams, ObjectMapper json) {
		return new VpcClient(upstreams.client("vpc"), json);
	}

	/** Declares the operation to security (grants) and audit (one event per call). */
	@Bean
	MirroredOperation addSecurityGroups() {
		return new MirroredOperation(VpcClient.OPERATION, HttpMethod.PUT, PortSecurityGroupController.PATH);
	}

	/** The document's example, shown in the OpenAPI document. */
	@Bean
	VpcDocumentExamples vpcDocumentExamples() {
		return new VpcDocumentExamples();
	}

}
