package dev.secgroup.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis that tests share: Testcontainers' Redis when a Docker engine exists, else the
 * machine's Redis at 127.0.0.1:6379 (the development and CI machines run one). Every test
 * keeps its keys under a {@link #randomKeyPrefix() prefix of its own}; nothing is ever
 * flushed.
 * <p>
 * As a JUnit extension ({@code @ExtendWith(SharedRedisServer.class)}) it skips the test
 * class, with a message, when neither is there; under {@code CI=true} that fails the
 * build instead, so CI cannot go green without the Redis tests.
 */
public final class SharedRedisServer implements ExecutionCondition {

	private static final String LOCAL_HOST = "127.0.0.1";

	private static final int LOCAL_PORT = 6379;

	private static volatile Endpoint endpoint;

	/** Where a Redis answers. */
	public record Endpoint(String host, int port) {
	}

	/** The shared Redis, or {@code null} when there is none. */
	public static synchronized Endpoint endpoint() {
		if (endpoint == null) {
			endpoint = find();
		}
		return endpoint.port() > 0 ? endpoint : null;
	}

	/** A key prefix no other test uses. */
	public static String randomKeyPrefix() {
		return "test:" + UUID.randomUUID() + ":";
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (endpoint() != null) {
			return ConditionEvaluationResult.enabled("Redis at " + endpoint());
		}
		String message = "No Redis: no Docker engine for Testcontainers and no Redis answering at " + LOCAL_HOST + ":"
				+ LOCAL_PORT + " (start one: redis-server --daemonize yes --port 6379 --save '' --appendonly no)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException(message + "; CI=true, so a skipped Redis test fails the build");
		}
		return ConditionEvaluationResult.disabled(message);
	}

	private static Endpoint find() {
		if (dockerAvailable()) {
			GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(LOCAL_PORT);
			redis.start();
			Runtime.getRuntime().addShutdownHook(new Thread(redis::stop));
			return new Endpoint(redis.getHost(), redis.getMappedPort(LOCAL_PORT));
		}
		return ping(LOCAL_HOST, LOCAL_PORT) ? new Endpoint(LOCAL_HOST, LOCAL_PORT) : new Endpoint(LOCAL_HOST, 0);
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Whether a Redis answers {@code PING} at host:port within a second. */
	public static boolean ping(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[7];
			int read = in.readNBytes(answer, 0, answer.length);
			return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
