package dev.secgroup.gateway.observability;

import io.micrometer.common.KeyValue;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * {@code http.server.requests} as Spring names it, except that a call of a mirrored
 * operation refused before Spring MVC (Spring Security's 401 and 403) keeps its
 * operation's template as {@code uri} instead of {@code UNKNOWN} (see {@link Routes}).
 */
final class RouteObservationConvention extends DefaultServerRequestObservationConvention {

	@Override
	protected KeyValue uri(ServerRequestObservationContext context) {
		if (context.getPathPattern() == null && context.getCarrier() != null) {
			String template = Routes.templateOf(context.getCarrier());
			if (template != null) {
				return KeyValue.of("uri", template);
			}
		}
		return super.uri(context);
	}

}
