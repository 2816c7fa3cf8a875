package dev.secgroup.gateway.vpc;

import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.upstream.UpstreamClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VpcConfiguration {

	@Bean
	VpcClient vpcClient(UpstreamClients upstreams, ObjectMapper json) {
		return new VpcClient(upstreams.client(AddSecurityGroups.OPERATION.upstream()), json);
	}

	/** Publishes the operation to security (grants), audit and metrics. */
	@Bean
	MirroredOperation addSecurityGroups() {
		return AddSecurityGroups.OPERATION;
	}

	/** The document's example, shown in the OpenAPI document. */
	@Bean
	VpcDocumentExamples vpcDocumentExamples() {
		return new VpcDocumentExamples();
	}

}
