package dev.secgroup.gateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link StrictQueryInterceptor} for every handler. */
@Configuration(proxyBeanMethods = false)
class StrictQueryConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StrictQueryInterceptor());
	}

}
