package dev.secgroup.gateway.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics names and the access log. Tracing itself, the Prometheus endpoint, the health
 * groups and JSON logs are Spring Boot's, configured in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	ObservabilityConfiguration() {
		// The request id is in the MDC of the request thread; captured with the trace
		// into Reactor's context (UpstreamClient), it is restored with it where a reactor
		// thread logs for a call. Registered once per JVM; registering again replaces the
		// same accessor.
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(CallContext.MDC_REQUEST_ID));
	}

	@Bean
	RouteObservationConvention routeObservationConvention() {
		return new RouteObservationConvention();
	}

	@Bean
	UpstreamObservationConvention upstreamObservationConvention() {
		return new UpstreamObservationConvention();
	}

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
		registration.setOrder(FilterOrder.ACCESS_LOG);
		return registration;
	}

}
