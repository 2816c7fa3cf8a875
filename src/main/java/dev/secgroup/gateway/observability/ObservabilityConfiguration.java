package dev.secgroup.gateway.observability;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import dev.secgroup.gateway.upstream.UpstreamProperties;
import dev.secgroup.gateway.web.MirroredOperations;
import dev.secgroup.gateway.web.RequestIds;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Metrics names, the access log and the readiness contributor. Tracing itself, the
 * Prometheus endpoint, the health groups and JSON logs are Spring Boot's, configured in
 * {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	/**
	 * Right after the request id (highest precedence) and Spring's server observation
	 * (highest + 1), so that a line carries both ids; before audit (highest + 5), so that
	 * it logs the answer audit finally sends.
	 */
	static final int ACCESS_LOG_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

	ObservabilityConfiguration() {
		// The request id is in the MDC of the request thread; with automatic context
		// propagation
		// (spring.reactor.context-propagation=auto) it follows a call onto reactor
		// threads, as the
		// trace ids do. Registered once per JVM; registering again replaces the same
		// accessor.
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(RequestIds.MDC_KEY));
	}

	@Bean
	RouteObservationConvention routeObservationConvention(MirroredOperations operations) {
		return new RouteObservationConvention(new Routes(operations));
	}

	@Bean
	UpstreamObservationConvention upstreamObservationConvention() {
		return new UpstreamObservationConvention();
	}

	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter(MirroredOperations operations) {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(
				new AccessLogFilter(new Routes(operations)));
		registration.setOrder(ACCESS_LOG_ORDER);
		return registration;
	}

	/** Contributor {@code gatewayConfiguration} of the readiness group. */
	@Bean
	GatewayConfigurationHealthIndicator gatewayConfigurationHealthIndicator(UpstreamProperties upstreams) {
		return new GatewayConfigurationHealthIndicator(upstreams);
	}

}
