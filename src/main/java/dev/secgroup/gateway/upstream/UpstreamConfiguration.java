package dev.secgroup.gateway.upstream;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	@Bean
	UpstreamClients upstreamClients(UpstreamProperties properties, RegionProperties regions,
			WebClient.Builder webClientBuilder, ObjectProvider<UpstreamAuthenticator> authenticator,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, ObjectMapper json,
			ObjectProvider<Clock> clock, MeterRegistry meters) {
		// Until credentials are configured, calls go out unauthenticated (the simulator accepts them).
		UpstreamAuthenticator credentials = authenticator
			.getIfAvailable(() -> outgoing -> Mono.just(outgoing.headers()));
		return new UpstreamClients(properties, regions, webClientBuilder, credentials, circuitBreakers, retries, json,
				clock.getIfAvailable(Clock::systemUTC), meters);
	}

}
