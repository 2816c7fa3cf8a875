package dev.secgroup.gateway.observability;

import io.micrometer.common.KeyValue;

import dev.secgroup.gateway.upstream.UpstreamClient;

import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * {@code http.client.requests} of the upstream calls, with low-cardinality names an
 * on-call engineer can group by:
 * <ul>
 * <li>{@code client.name}: the upstream ({@code iam}, {@code vpc}, {@code hss}) instead
 * of the host, which differs per region (and per test server);</li>
 * <li>{@code uri}: the operation's path template ({@code /v3/{project_id}/ports/...}),
 * which the adapter puts on each request (WebClient itself only sees the encoded
 * URI);</li>
 * <li>{@code exception}: the root cause ({@code ReadTimeoutException},
 * {@code ConnectException}, {@code PrematureCloseException}...) instead of WebClient's
 * wrapper, so a timeout is told from a refused connection.</li>
 * </ul>
 * Requests of any other WebClient keep Spring's names.
 */
final class UpstreamObservationConvention extends DefaultClientRequestObservationConvention {

	private static final String CLIENT_NAME = "client.name";

	private static final String EXCEPTION = "exception";

	@Override
	protected KeyValue clientName(ClientRequestObservationContext context) {
		if (context.getRequest() != null && context.getRequest()
			.attribute(UpstreamClient.UPSTREAM_ATTRIBUTE)
			.orElse(null) instanceof String name) {
			return KeyValue.of(CLIENT_NAME, name);
		}
		return super.clientName(context);
	}

	@Override
	protected KeyValue exception(ClientRequestObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return super.exception(context);
		}
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String name = root.getClass().getSimpleName();
		return KeyValue.of(EXCEPTION, name.isEmpty() ? root.getClass().getName() : name);
	}

}
