package dev.secgroup.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, for requests Tomcat refuses before any filter runs (an
 * encoded NUL in the path, a malformed request line, headers over the limit): a minimal
 * problem body (JSON unless {@code Accept} prefers problem+json, see
 * {@link ProblemMediaType}) with an {@code X-Request-Id}, instead of an HTML page. No
 * details, no server version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final String REQUEST_ID = "X-Request-Id";

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String title = switch (status) {
			case 400 -> "Bad Request";
			case 404 -> "Not Found";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 431 -> "Request Header Fields Too Large";
			case 505 -> "HTTP Version Not Supported";
			default -> status >= 500 ? "Internal Server Error" : "Error";
		};
		String code = ErrorCodes.forStatus(status);
		String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
				+ "The request was rejected by the server: it is malformed or too large.\",\"error_code\":\"" + code
				+ "\",\"error_msg\":\"" + title + "\"}";
		try {
			if (response.getHeader(REQUEST_ID) == null) {
				// No filter ran: this answer gets its own id, for SDKs that report it.
				response.setHeader(REQUEST_ID, UUID.randomUUID().toString());
			}
			response.setContentType(ProblemMediaType.of(request.getHeader("Accept")).toString());
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ignored) {
			// The connection is gone or the response committed: nothing more can be said.
		}
	}

}
