package dev.secgroup.gateway.web;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Controllers take the {@link CallContext} as an argument; it is no part of the API, so
 * the OpenAPI document ignores it.
 */
@Configuration(proxyBeanMethods = false)
class CallContextWebConfiguration implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallContext.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallContextArgumentResolver());
	}

}
