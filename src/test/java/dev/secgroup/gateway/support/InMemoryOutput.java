package dev.secgroup.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures {@code System.out} and {@code System.err} in memory until closed, without
 * passing them on: unlike Boot's {@code OutputCaptureExtension}, which also copies them
 * to the console, a test that logs a whole application at DEBUG leaves nothing behind but
 * its assertions. Logback's console appender and the audit sink look {@code System.out}
 * up on each write, so everything an application started inside the capture prints lands
 * here.
 */
public final class InMemoryOutput implements AutoCloseable {

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);

	private final PrintStream out = System.out;

	private final PrintStream err = System.err;

	private InMemoryOutput() {
		System.setOut(capture);
		System.setErr(capture);
	}

	/** Starts capturing; close to restore the streams there were. */
	public static InMemoryOutput capture() {
		return new InMemoryOutput();
	}

	/** Everything written to either stream so far. */
	public String getAll() {
		synchronized (capture) {
			capture.flush();
			return buffer.toString(StandardCharsets.UTF_8);
		}
	}

	@Override
	public void close() {
		System.setOut(out);
		System.setErr(err);
	}

}
