package dev.secgroup.gateway.upstream;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The upstream adapters. The bean graph has no cycle: the factory knows no credentials,
 * the credentials (which reach IAM through the factory's unauthenticated adapter) make
 * the authenticator, and only {@link UpstreamClients} joins the two for the features.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	/**
	 * The time of upstream calls: {@code Retry-After} dates, {@code X-Sdk-Date}, token
	 * expiry. A bean so that tests can move time instead of waiting.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	UpstreamClientFactory upstreamClientFactory(UpstreamProperties properties, RegionProperties regions,
			WebClient.Builder webClientBuilder, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
			ObjectMapper json, Clock clock, ObjectProvider<MeterRegistry> meters, ObjectProvider<UpstreamQuota> quota,
			UpstreamPolicyProperties policy, Environment environment) {
		UpstreamEndpointPolicy.check(properties, policy, environment);
		// Without actuator (slim test contexts) the counters go to a registry of their
		// own; without a quota implementation every attempt is sent at once.
		return new UpstreamClientFactory(properties, regions, webClientBuilder, circuitBreakers, retries, json, clock,
				meters.getIfAvailable(SimpleMeterRegistry::new), quota.getIfAvailable(() -> UpstreamQuota.NONE));
	}

	@Bean
	UpstreamClients upstreamClients(UpstreamClientFactory factory, UpstreamAuthenticator authenticator) {
		return new UpstreamClients(factory, authenticator);
	}

}
