package dev.secgroup.gateway.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each event as one line of JSON on standard output, where Kubernetes collects it.
 * Jackson escapes every caller-supplied string, and every non-ASCII character is written
 * as {@code \\uXXXX}, so no value can end the line early (CR, LF, NEL, U+2028) or forge
 * members. Each line is one write on the shared stream, so it never interleaves with
 * application logs.
 */
final class StdoutJsonAuditSink implements AuditSink {

	private final ObjectWriter writer = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.build()
		.writerFor(AuditEvent.class);

	@Override
	public void write(AuditEvent event) {
		byte[] line;
		try {
			line = (writer.writeValueAsString(event) + "\n").getBytes(StandardCharsets.US_ASCII);
		}
		catch (JacksonException ex) {
			throw new AuditSinkException("the audit event could not be serialized", ex);
		}
		// Looked up on each write: whoever owns System.out now (a test's capture too)
		// gets the line.
		PrintStream out = System.out;
		out.write(line, 0, line.length);
		out.flush();
		// PrintStream swallows I/O errors; this is the only way to learn that the line
		// was lost.
		if (out.checkError()) {
			throw new AuditSinkException("standard output did not accept the audit event");
		}
	}

}
