package dev.secgroup.gateway.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Leaves out Spring Security's {@code SecurityReactorContextConfiguration}, which
 * {@code @EnableWebSecurity} imports whenever an OAuth2 resource server (the gateway's
 * {@code jwt} mode) and {@code WebClient} are both on the class path.
 * <p>
 * It installs a global Reactor hook ({@code Hooks.onLastOperator}) that copies the
 * caller's {@code Authentication}, servlet request and response into the context of every
 * Reactor pipeline subscribed on a request thread, for
 * {@code ServletBearerExchangeFilterFunction} to relay the caller's bearer token with a
 * {@code WebClient}. The gateway never relays a caller's credentials upstream (it proves
 * its own identity there, docs/credentials.md), so the hook only cost CPU on every
 * operator of every upstream call (about 2 % of the samples under load,
 * docs/performance.md) and carried the caller's token where no code needs it.
 */
@Component
class SecurityReactorContextRemoval implements BeanDefinitionRegistryPostProcessor {

	static final String CONFIGURATION = "org.springframework.security.config.annotation.web.configuration.SecurityReactorContextConfiguration";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		List<String> configurations = Arrays.stream(registry.getBeanDefinitionNames())
			.filter(name -> CONFIGURATION.equals(registry.getBeanDefinition(name).getBeanClassName()))
			.toList();
		if (configurations.isEmpty()) {
			return;
		}
		// The configuration and the beans its @Bean methods declare.
		Arrays.stream(registry.getBeanDefinitionNames())
			.filter(name -> configurations.contains(registry.getBeanDefinition(name).getFactoryBeanName()))
			.forEach(registry::removeBeanDefinition);
		configurations.forEach(registry::removeBeanDefinition);
	}

}
