package dev.secgroup.gateway.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A change to Spring MVC's {@link RequestMappingHandlerAdapter} once it is initialized
 * (its argument resolvers, return value handlers and binding initializer in place), for
 * what {@code WebMvcConfigurer} cannot do: replace Spring's own, or come before them.
 */
@FunctionalInterface
interface HandlerAdapterCustomizer {

	void customize(RequestMappingHandlerAdapter adapter);

	/** The post-processor applying {@code customizer} to the handler adapter. */
	static BeanPostProcessor postProcessor(HandlerAdapterCustomizer customizer) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter) {
					customizer.customize(adapter);
				}
				return bean;
			}

		};
	}

}
