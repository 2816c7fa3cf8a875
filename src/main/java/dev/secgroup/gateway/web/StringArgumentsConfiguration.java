package dev.secgroup.gateway.web;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * Path variables and query parameters of the API are {@code String}s, taken exactly as
 * Spring MVC decoded them. Spring would still ask its conversion service for a
 * String-to-String converter on every argument; the service's cache key compares the
 * parameter's annotations ({@code @Parameter}, {@code @Pattern}, ...) reflectively on
 * each lookup, which cost about 3 % of the gateway's CPU per call. An editor that takes
 * the text as it is makes Spring skip that lookup; the value bound, and its validation,
 * are the same.
 */
@Configuration(proxyBeanMethods = false)
class StringArgumentsConfiguration {

	@Bean
	static BeanPostProcessor stringArgumentsAsTheyAre() {
		return HandlerAdapterCustomizer.postProcessor(adapter -> {
			if (adapter.getWebBindingInitializer() instanceof ConfigurableWebBindingInitializer initializer
					&& initializer.getPropertyEditorRegistrars() == null) {
				// One editor per binder: a PropertyEditor holds the value being
				// converted.
				initializer.setPropertyEditorRegistrar(
						registry -> registry.registerCustomEditor(String.class, new TextAsItIs()));
			}
		});
	}

	/** Binds a {@code String} argument to the text as given. */
	static final class TextAsItIs extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(text);
		}

	}

}
