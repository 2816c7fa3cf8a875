package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.Optional;

/**
 * Each client's own rate limit ({@code gateway.security.clients[i].rate-limit.*}), given
 * by whoever knows the clients (security), so that the quota knows no client
 * configuration.
 */
@FunctionalInterface
public interface ClientRateLimits {

	/** No client has a limit. */
	ClientRateLimits NONE = client -> Optional.empty();

	/** The limit of the named client, if it has one. */
	Optional<Limit> of(String client);

	/**
	 * A client's limit: at most {@code requests} calls in any window of {@code per}.
	 *
	 * @param requests calls per window
	 * @param per the window
	 */
	record Limit(int requests, Duration per) {
	}

}
