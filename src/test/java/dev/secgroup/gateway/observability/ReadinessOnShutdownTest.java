package dev.secgroup.gateway.observability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.SecgroupGatewayApplication;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SIGTERM (the same context close) readiness goes down first: by the time the context
 * starts closing, and while the API port still accepts connections (graceful shutdown
 * comes later), readiness is {@code REFUSING_TRAFFIC} and its probe answers 503, so
 * Kubernetes stops routing new calls while the calls in flight finish
 * (GracefulShutdownTest).
 */
class ReadinessOnShutdownTest {

	@Test
	void readinessIsRefusedBeforeTheApiPortStopsAccepting() {
		AtomicReference<String> observed = new AtomicReference<>();
		ConfigurableApplicationContext gateway = new SpringApplicationBuilder(SecgroupGatewayApplication.class)
			.profiles("test")
			.listeners((ApplicationListener<ContextClosedEvent>) event -> {
				if (event.getApplicationContext().getParent() == null) {
					observed.set(observe((ConfigurableApplicationContext) event.getApplicationContext()));
				}
			})
			.run("--server.port=0", "--spring.jmx.enabled=false",
					"--gateway.upstreams.vpc.endpoint=http://127.0.0.1:9/vpc",
					"--gateway.upstreams.hss.endpoint=http://127.0.0.1:9/hss",
					"--gateway.upstreams.iam.endpoint=http://127.0.0.1:9/iam");
		try {
			int managementPort = Integer.parseInt(gateway.getEnvironment().getProperty("local.management.port"));
			assertThat(Scrape.get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		}
		finally {
			gateway.close();
		}

		assertThat(observed.get()).isEqualTo("REFUSING_TRAFFIC 503 api-accepting");
	}

	private static String observe(ConfigurableApplicationContext context) {
		ReadinessState readiness = context.getBean(ApplicationAvailability.class).getReadinessState();
		int apiPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
		int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
		String probe;
		try {
			HttpResponse<String> response = Scrape.get(managementPort, "/actuator/health/readiness");
			probe = Integer.toString(response.statusCode());
		}
		catch (IllegalStateException refused) {
			probe = "refused";
		}
		return readiness + " " + probe + " " + (accepts(apiPort) ? "api-accepting" : "api-closed");
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
