package dev.secgroup.gateway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI gatewayOpenApi() {
		return new OpenAPI().info(new Info().title("secgroup-gateway")
			.version("v1")
			.contact(new Contact().name("Platform team"))
			.description("Attach security groups in Huawei Cloud without holding cloud credentials. Both operations "
					+ "mirror upstream's method, path and body (HSS v5, VPC v3); the gateway validates, authorizes, "
					+ "audits, authenticates upstream and retries safely. Errors carry error_code, error_msg, "
					+ "request_id and, for invalid input, violations, and the X-Request-Id header; they are "
					+ "application/json (what the Huawei SDKs read) unless Accept prefers application/problem+json."))
			.addTagsItem(new Tag().name("HSS").description("HSS v5: security group policies of Kubernetes workloads"))
			.addTagsItem(new Tag().name("VPC").description("VPC v3: security groups of a port"));
	}

}
