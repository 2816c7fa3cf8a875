package dev.secgroup.gateway.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets an encoded '/' in a path value ({@code %2F}) reach the gateway as data inside one segment,
 * so validation can answer it with problem+json naming the parameter instead of Tomcat's HTML
 * 400. It can never become a separator: path values are validated, then re-encoded upstream.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSolidusAsData() {
		return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}
