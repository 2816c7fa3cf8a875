package dev.secgroup.gateway.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.secgroup.gateway.SecgroupGatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One gateway replica started by a test (several may run side by side, e.g. on one
 * Redis): the {@code test} profile plus the given properties, on random API and
 * management ports.
 */
public final class Replica implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private Replica(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts a replica with {@code properties} (names without {@code --}). */
	public static Replica start(Map<String, String> properties) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--management.server.port=0");
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new Replica(new SpringApplicationBuilder(SecgroupGatewayApplication.class).profiles("test")
			.run(args.toArray(String[]::new)));
	}

	public ConfigurableApplicationContext context() {
		return context;
	}

	/** The API port. */
	public int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** The management (actuator) port. */
	public int managementPort() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
	}

	@Override
	public void close() {
		context.close();
	}

}
