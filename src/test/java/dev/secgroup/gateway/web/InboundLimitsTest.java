package dev.secgroup.gateway.web;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API port's Tomcat runs with the gateway's explicit limits (application.yaml), not
 * Tomcat's defaults (60 s per read, 8192 connections, no header deadline).
 */
class InboundLimitsTest extends GatewayTestSupport {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theApiConnectorHasExplicitTimeoutsAndLimits() {
		Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
		AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();

		assertThat(protocol.getConnectionTimeout()).isEqualTo(5_000);
		assertThat(protocol.getKeepAliveTimeout()).isEqualTo(20_000);
		assertThat(protocol.getMaxKeepAliveRequests()).isEqualTo(1_000);
		assertThat(protocol.getMaxConnections()).isEqualTo(2_048);
		assertThat(protocol.getAcceptCount()).isEqualTo(100);
		assertThat(protocol.getMaxThreads()).isEqualTo(200);
		assertThat(protocol).isInstanceOf(DeadlineHttp11NioProtocol.class);
		assertThat(((DeadlineHttp11NioProtocol) protocol).getHeaderReadTimeout()).isEqualTo(10_000);
	}

}
