package dev.secgroup.gateway.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import dev.secgroup.gateway.call.MirroredOperations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API port's Tomcat: problem+json error reports, and a header-read deadline
 * ({@link DeadlineHttp11NioProtocol}). It also lets an encoded '/' in a path value
 * ({@code %2F}) reach the gateway as data inside one segment, so validation can answer it
 * with problem+json naming the parameter instead of Tomcat's HTML 400. It can never
 * become a separator: path values are validated, then re-encoded upstream.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	TomcatContextCustomizer problemErrorReports(MirroredOperations operations,
			ObjectProvider<RefusedRequestListener> listeners) {
		// Added when the host starts, after every customizer (Spring Boot adds a plain
		// ErrorReportValve of its own): the last valve reports first. Naming its class
		// keeps the host from adding another.
		return context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				host.addLifecycleListener(event -> {
					if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
						host.getPipeline()
							.addValve(
									new ProblemErrorReportValve(operations, () -> listeners.orderedStream().toList()));
					}
				});
			}
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> headerReadDeadline(HttpProperties properties) {
		return factory -> {
			factory.setProtocol(DeadlineHttp11NioProtocol.class.getName());
			factory.addConnectorCustomizers(connector -> {
				if (connector.getProtocolHandler() instanceof DeadlineHttp11NioProtocol protocol) {
					protocol.setHeaderReadTimeout(properties.headerReadTimeout().toMillis());
				}
			});
		};
	}

	@Bean
	TomcatConnectorCustomizer encodedSolidusAsData() {
		return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}
