package dev.secgroup.gateway.hss;

import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.upstream.UpstreamClients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HssConfiguration {

	@Bean
	HssClient hssClient(UpstreamClients upstreams, ObjectMapper json) {
		return new HssClient(upstreams.client(CreateSecurityGroupPolicy.OPERATION.upstream()), json);
	}

	/** Publishes the operation to security (grants), audit and metrics. */
	@Bean
	MirroredOperation createSecurityGroupPolicy() {
		return CreateSecurityGroupPolicy.OPERATION;
	}

	/** The document's example, shown in the OpenAPI document. */
	@Bean
	HssDocumentExamples hssDocumentExamples() {
		return new HssDocumentExamples();
	}

}
