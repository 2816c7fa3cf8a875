package dev.secgroup.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * secgroup-gateway: mirrors HSS v5 security-group-policy and VPC v3
 * insert-security-groups so that internal services never hold Huawei Cloud credentials.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SecgroupGatewayApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(SecgroupGatewayApplication.class);
		// The embedded simulator is the default so that a fresh checkout runs with no
		// credentials.
		app.setAdditionalProfiles();
		app.run(args);
	}

}
