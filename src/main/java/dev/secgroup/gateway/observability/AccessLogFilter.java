package dev.secgroup.gateway.observability;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access log line per request on the API port, on logger {@value #LOGGER} at INFO:
 * method, route template, status, latency, client and (from the MDC, like every line)
 * request and trace ids. Never a body, a query string, a header or a raw path: those may
 * carry ids by the thousand or, worse, secrets. In JSON logs the values are also members
 * of their own ({@code method}, {@code route}, {@code status}, {@code latency_ms},
 * {@code client}).
 * <p>
 * Switched off like any logger: {@code logging.level.dev.secgroup.gateway.access=warn}.
 * The management port (probes, scrapes) is not logged.
 */
final class AccessLogFilter extends OncePerRequestFilter {

	/** Logger name of the access log. */
	static final String LOGGER = "dev.secgroup.gateway.access";

	private static final Logger log = LoggerFactory.getLogger(LOGGER);

	private static final String NO_CLIENT = "-";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!log.isInfoEnabled()) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			// An exception escaping every handler becomes a 500 on the container's error
			// dispatch.
			write(request, failed ? 500 : response.getStatus(), start);
		}
	}

	private void write(HttpServletRequest request, int status, long start) {
		long latencyMs = (System.nanoTime() - start) / 1_000_000;
		String method = request.getMethod();
		String route = Routes.of(request, status);
		String client = CallContext.of(request).client();
		if (client == null) {
			client = NO_CLIENT;
		}
		log.atInfo()
			.addKeyValue("method", method)
			.addKeyValue("route", route)
			.addKeyValue("status", status)
			.addKeyValue("latency_ms", latencyMs)
			.addKeyValue("client", client)
			.log("{} {} {} {}ms client={}", method, route, status, latencyMs, client);
	}

}
