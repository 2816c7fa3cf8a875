package dev.secgroup.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds each upstream's adapter once, at start-up: its own WebClient, bounded connection pool,
 * timeouts, retry and circuit breaker. Start-up fails with a message naming the property when an
 * upstream is misconfigured.
 */
public final class UpstreamClients implements DisposableBean {

	private final UpstreamProperties properties;

	private final RegionProperties regions;

	private final WebClient.Builder webClientBuilder;

	private final UpstreamAuthenticator authenticator;

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final ObjectMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Map<String, UpstreamClient> clients = new ConcurrentHashMap<>();

	private final Map<String, ConnectionProvider> pools = new ConcurrentHashMap<>();

	UpstreamClients(UpstreamProperties properties, RegionProperties regions, WebClient.Builder webClientBuilder,
			UpstreamAuthenticator authenticator, CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
			ObjectMapper json, Clock clock, MeterRegistry meters) {
		this.properties = properties;
		this.regions = regions;
		this.webClientBuilder = webClientBuilder;
		this.authenticator = authenticator;
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
	}

	/** The adapter of the named upstream, built on first use (at start-up, by the features). */
	public UpstreamClient client(String name) {
		return clients.computeIfAbsent(name, this::build);
	}

	private UpstreamClient build(String name) {
		UpstreamProperties.Upstream upstream = properties.require(name);
		UpstreamEndpoints endpoints = new UpstreamEndpoints(name, upstream.endpoint(), regions);
		return new UpstreamClient(name, webClient(name, upstream), endpoints, authenticator,
				circuitBreakers.circuitBreaker(name), retry(name, upstream.retry()), upstream.retry().deadline(),
				new UpstreamErrorDecoder(json), clock, new UpstreamTimeouts(meters, name));
	}

	private WebClient webClient(String name, UpstreamProperties.Upstream upstream) {
		UpstreamProperties.Pool pool = upstream.pool();
		ConnectionProvider provider = ConnectionProvider.builder("upstream-" + name)
			.maxConnections(pool.maxConnections())
			.pendingAcquireMaxCount(pool.pendingAcquireMaxCount())
			.pendingAcquireTimeout(pool.pendingAcquireTimeout())
			.maxIdleTime(pool.maxIdleTime())
			.evictInBackground(Duration.ofSeconds(30))
			.build();
		pools.put(name, provider);
		HttpClient http = HttpClient.create(provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(upstream.connectTimeout().toMillis()))
			.responseTimeout(upstream.responseTimeout());
		return webClientBuilder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	private Retry retry(String name, UpstreamProperties.Retry policy) {
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(policy.initialBackoff(), 2.0, 0.5,
				policy.maxBackoff());
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof AttemptFailure failure
					&& failure.retryAfter() != null) {
				return failure.retryAfter().toMillis();
			}
			return backoff.apply(attempt);
		};
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(policy.maxAttempts())
			.retryOnException(error -> error instanceof AttemptFailure failure && failure.retryable()
					&& (failure.retryAfter() == null || failure.retryAfter().compareTo(policy.maxRetryAfter()) <= 0))
			.intervalBiFunction(interval)
			.build();
		return retries.retry(name, config);
	}

	@Override
	public void destroy() {
		pools.values().forEach(ConnectionProvider::dispose);
	}

}
