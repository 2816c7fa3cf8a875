package dev.secgroup.gateway.observability;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
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

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final Routes routes;

	AccessLogFilter(Routes routes) {
		this.routes = routes;
	}

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
			if (!failed && request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new LogOnCompletion(request, response, start));
			}
			else {
				// An exception escaping every handler becomes a 500 on the container's
				// error dispatch.
				write(request, failed ? 500 : response.getStatus(), start);
			}
		}
	}

	private void write(HttpServletRequest request, int status, long start) {
		long latencyMs = (System.nanoTime() - start) / 1_000_000;
		String method = request.getMethod();
		String route = routes.of(request, status);
		String client = clientOf(request);
		log.atInfo()
			.addKeyValue("method", method)
			.addKeyValue("route", route)
			.addKeyValue("status", status)
			.addKeyValue("latency_ms", latencyMs)
			.addKeyValue("client", client)
			.log("{} {} {} {}ms client={}", method, route, status, latencyMs, client);
	}

	/**
	 * The authenticated client: the container's principal if one was set, else the one
	 * Spring Security established for this request (its stateless chain keeps the
	 * security context in a request attribute; the thread's context is cleared by the
	 * time the chain returns here).
	 */
	private String clientOf(HttpServletRequest request) {
		Principal principal = request.getUserPrincipal();
		if (principal != null) {
			return principal.getName();
		}
		if (request.getAttribute(
				RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME) instanceof SecurityContext context) {
			Authentication authentication = context.getAuthentication();
			if (trust.isAuthenticated(authentication)) {
				return authentication.getName();
			}
		}
		return NO_CLIENT;
	}

	/** Logs a request answered on an async dispatch once it is complete. */
	private final class LogOnCompletion implements AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final long start;

		LogOnCompletion(HttpServletRequest request, HttpServletResponse response, long start) {
			this.request = request;
			this.response = response;
			this.start = start;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			write(request, response.getStatus(), start);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
