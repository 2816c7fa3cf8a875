package dev.secgroup.gateway.security;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway: Spring Security's Reactor hook, which would copy the caller's
 * authentication into every Reactor pipeline subscribed on a request thread, is not
 * installed, and its configuration is not in the context.
 */
class SecurityReactorContextRemovalTest extends GatewayTestSupport {

	/** The key under which Spring Security's hook puts the caller's authentication. */
	private static final String SECURITY_CONTEXT_ATTRIBUTES = "org.springframework.security.SECURITY_CONTEXT_ATTRIBUTES";

	@Autowired
	private ConfigurableApplicationContext context;

	@AfterEach
	void clearAuthentication() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theCallersAuthenticationDoesNotTravelInReactorContext() {
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("caller", "secret-caller-token", "ROLE_CLIENT"));

		boolean carried = Mono.deferContextual(context -> Mono.just(context.hasKey(SECURITY_CONTEXT_ATTRIBUTES)))
			.block();

		assertThat(carried).isFalse();
	}

	@Test
	void springSecuritysReactorContextConfigurationIsLeftOut() {
		var beanFactory = context.getBeanFactory();
		assertThat(Arrays.stream(beanFactory.getBeanDefinitionNames()).map(beanFactory::getBeanDefinition))
			.noneMatch(definition -> SecurityReactorContextRemoval.CONFIGURATION.equals(definition.getBeanClassName()))
			.noneMatch(
					definition -> SecurityReactorContextRemoval.CONFIGURATION.equals(definition.getFactoryBeanName()));
		assertThat(context.containsBean("securityReactorContextSubscriberRegistrar")).isFalse();
	}

}
