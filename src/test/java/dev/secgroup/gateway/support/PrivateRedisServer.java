package dev.secgroup.gateway.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A {@code redis-server} process of a test's own, on a free port, that the test may stop
 * and start again ("Redis goes away mid-test") without disturbing the shared Redis. Needs
 * the {@code redis-server} binary (CI installs it); {@link #available()} says whether it
 * is there.
 */
public final class PrivateRedisServer implements AutoCloseable {

	private final int port;

	private Process process;

	private PrivateRedisServer(int port) {
		this.port = port;
	}

	/** Whether {@code redis-server} can be run here. */
	public static boolean available() {
		return binary() != null;
	}

	/** A server on a free port, started. */
	public static PrivateRedisServer start() {
		PrivateRedisServer server = new PrivateRedisServer(freePort());
		server.resume();
		return server;
	}

	public int port() {
		return port;
	}

	/** Starts the server again on the same port (after {@link #stop()}). */
	public synchronized void resume() {
		if (process != null && process.isAlive()) {
			return;
		}
		try {
			process = new ProcessBuilder(List.of(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--daemonize", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start redis-server", ex);
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> SharedRedisServer.ping("127.0.0.1", port));
	}

	/** Stops the server (this process only, by its own handle). */
	public synchronized void stop() {
		if (process != null) {
			process.destroy();
			await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
		}
	}

	@Override
	public void close() {
		stop();
	}

	private static String binary() {
		for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
			File file = new File(dir, "redis-server");
			if (file.canExecute()) {
				return file.getPath();
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
