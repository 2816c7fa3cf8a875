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
		// The local profile (embedded simulator) is the default of application.yaml
		// (spring.profiles.default), so that a fresh checkout runs with no credentials.
		SpringApplication.run(SecgroupGatewayApplication.class, args);
	}

}
