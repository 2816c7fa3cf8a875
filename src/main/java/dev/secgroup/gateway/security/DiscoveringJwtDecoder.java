package dev.secgroup.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

/**
 * A decoder built by OpenID discovery when the first token arrives, once. Unlike Spring's
 * {@code SupplierJwtDecoder} a failed discovery is remembered for a back-off period:
 * while the issuer is unreachable, tokens are refused from memory instead of each one
 * re-running discovery (which unauthenticated callers could use to pile up threads and
 * load on the issuer). One discovery runs at a time.
 */
final class DiscoveringJwtDecoder implements JwtDecoder {

	private final Supplier<JwtDecoder> discovery;

	private final Clock clock;

	private final Duration backoff;

	private volatile JwtDecoder decoder;

	private Instant retryAt;

	private RuntimeException lastFailure;

	DiscoveringJwtDecoder(Supplier<JwtDecoder> discovery, Clock clock, Duration backoff) {
		this.discovery = discovery;
		this.clock = clock;
		this.backoff = backoff;
	}

	@Override
	public Jwt decode(String token) {
		JwtDecoder ready = decoder;
		return (ready != null ? ready : discover()).decode(token);
	}

	private synchronized JwtDecoder discover() {
		if (decoder != null) {
			return decoder;
		}
		Instant now = clock.instant();
		if (retryAt != null && now.isBefore(retryAt)) {
			throw new JwtDecoderInitializationException(
					"The token issuer could not be discovered; next attempt after " + retryAt, lastFailure);
		}
		try {
			decoder = discovery.get();
			return decoder;
		}
		catch (RuntimeException ex) {
			lastFailure = ex;
			retryAt = now.plus(backoff);
			throw new JwtDecoderInitializationException("The token issuer could not be discovered", ex);
		}
	}

}
