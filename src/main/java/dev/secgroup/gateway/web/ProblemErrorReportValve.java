package dev.secgroup.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperations;

/**
 * Tomcat's last-resort error page, for requests Tomcat refuses before any filter runs (an
 * encoded NUL in the path, a malformed request line, headers over the limit): a minimal
 * problem body (JSON unless {@code Accept} prefers problem+json, see
 * {@link ProblemMediaType}) with an {@code X-Request-Id}, instead of an HTML page. No
 * details, no server version. A request refused before any filter ran is told to the
 * {@link RefusedRequestListener}s first (the audit trail records it when it calls a
 * mirrored operation).
 * <p>
 * Installed as an instance by {@link TomcatConfiguration}; the no-argument constructor
 * (Tomcat's, by class name) reports to nobody.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

	private static final String REQUEST_ID = "X-Request-Id";

	private final MirroredOperations operations;

	private final Supplier<List<RefusedRequestListener>> listeners;

	public ProblemErrorReportValve() {
		this(new MirroredOperations(List.of()), List::of);
	}

	/**
	 * @param operations which requests call a mirrored operation
	 * @param listeners who is told of refused requests, looked up when one is (the valve
	 * exists before the application's beans)
	 */
	ProblemErrorReportValve(MirroredOperations operations, Supplier<List<RefusedRequestListener>> listeners) {
		this.operations = operations;
		this.listeners = listeners;
	}

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
		CallContext refused = CallContext.ofRefusedBeforeFilters(request, operations);
		if (refused != null) {
			refused.errorCode(code);
			tell(refused, status);
		}
		try {
			if (response.getHeader(REQUEST_ID) == null) {
				// No filter ran: this answer gets its own id, for SDKs that report it.
				response.setHeader(REQUEST_ID, CallContext.of(request).requestId());
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

	private void tell(CallContext refused, int status) {
		for (RefusedRequestListener listener : listeners.get()) {
			try {
				listener.refused(refused, status);
			}
			catch (RuntimeException ex) {
				log.warn("Refused request {} could not be reported: {}", refused.requestId(), ex.toString());
			}
		}
	}

}
