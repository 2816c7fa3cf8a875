package dev.secgroup.gateway.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Java's {@code System.out} as it is at each write, so that whoever captures it (a test,
 * an IDE console) gets the lines: {@code gateway.audit.output=system-out}. Its error
 * flag, once set, never clears, so a failure there is permanent: for tests and consoles
 * only.
 */
final class SystemOutStream extends OutputStream {

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		PrintStream out = System.out;
		out.write(bytes, offset, length);
		out.flush();
		if (out.checkError()) {
			throw new IOException("System.out did not accept the audit lines");
		}
	}

}
