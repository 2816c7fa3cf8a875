package dev.secgroup.gateway.quota;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.QuotaOutcome;
import dev.secgroup.gateway.web.RateLimitHeaders;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A client's own rate limit, checked once it is authenticated and authorized and before
 * anything is sent upstream: over it, the call is answered 429 {@code GW.0429} at once,
 * with the same headers as an upstream quota's refusal (policy {@code "client"}). Runs on
 * the request thread, where a store round trip may block.
 */
final class ClientRateLimitFilter extends OncePerRequestFilter {

	private static final Duration NO_WAIT = Duration.ZERO;

	private final ClientRateLimits limits;

	private final QuotaStore store;

	private final ProblemWriter problems;

	private final QuotaMetrics metrics;

	ClientRateLimitFilter(ClientRateLimits limits, QuotaStore store, ProblemWriter problems, QuotaMetrics metrics) {
		this.limits = limits;
		this.store = store;
		this.problems = problems;
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = Callers.current();
		Optional<ClientRateLimits.Limit> limit = Callers.ANONYMOUS.equals(client) ? Optional.empty()
				: limits.of(client);
		if (limit.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ClientRateLimits.Limit own = limit.get();
		Reservation reservation = store.reserve(bucket(client), client, own.requests(), own.per(), NO_WAIT, 0)
			.block(Duration.ofSeconds(2));
		if (reservation == null || reservation.granted()) {
			chain.doFilter(request, response);
			return;
		}
		metrics.refused(QuotaMetrics.CLIENT_LIMIT, NO_WAIT, reservation.outcome());
		CallContext.of(request).quotaTurn(0, QuotaOutcome.REFUSED_CLIENT_LIMIT);
		RateLimitHeaders.refused(QuotaMetrics.CLIENT_LIMIT, own.requests(), own.per(), reservation.delay())
			.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		ProblemDetail problem = RateLimitHeaders.problem(QuotaMetrics.CLIENT_LIMIT, "Your rate limit (" + own.requests()
				+ " calls per " + own.per().toSeconds() + " s) is spent; nothing was sent upstream.", request);
		problems.write(request, response, problem);
	}

	/** Client names may hold any character: buckets get a fixed-length digest. */
	private static String bucket(String client) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
			return "client-" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
