package dev.secgroup.gateway.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.secgroup.gateway.quota.ClientRateLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the quotas each client's own rate limit
 * ({@code gateway.security.clients[i].rate-limit.*}); a limit that cannot work stops the
 * start with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
class ClientRateLimitConfiguration {

	@Bean
	ClientRateLimits clientRateLimits(GatewaySecurityProperties properties) {
		Map<String, ClientRateLimits.Limit> limits = new HashMap<>();
		List<GatewaySecurityProperties.Client> clients = properties.clients();
		for (int i = 0; i < clients.size(); i++) {
			GatewaySecurityProperties.RateLimit limit = clients.get(i).rateLimit();
			if (limit == null) {
				continue;
			}
			String property = "gateway.security.clients[" + i + "].rate-limit";
			if (limit.requests() < 1 || limit.per() == null || limit.per().isZero() || limit.per().isNegative()) {
				throw new InvalidSecurityConfigurationException(
						property + " must allow at least 1 request per a positive duration (requests "
								+ limit.requests() + ", per " + limit.per() + ")",
						"Set " + property + ".requests to 1 or more and " + property
								+ ".per to a duration such as 1m, or remove " + property + ".");
			}
			limits.put(clients.get(i).name(), new ClientRateLimits.Limit(limit.requests(), limit.per()));
		}
		Map<String, ClientRateLimits.Limit> bound = Map.copyOf(limits);
		return client -> Optional.ofNullable(bound.get(client));
	}

}
