package dev.secgroup.gateway.hss;

import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.upstream.UpstreamClients;
import dev.secgroup.gateway.web.MirroredOperation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class HssConfiguration {

	@Bean
	HssClient hssClient(UpstreamClients upstreams, ObjectMapper json) {
		return new HssClient(upstreams.client("hss"), json);
	}

	/** Declares the operation to security (grants) and audit (one event per call). */
	@Bean
	MirroredOperation createSecurityGroupPolicy() {
		return new MirroredOperation(HssClient.OPERATION, HttpMethod.POST, SecurityGroupPolicyController.PATH);
	}

	/** The document's example, shown in the OpenAPI document. */
	@Bean
	HssDocumentExamples hssDocumentExamples() {
		return new HssDocumentExamples();
	}

}
