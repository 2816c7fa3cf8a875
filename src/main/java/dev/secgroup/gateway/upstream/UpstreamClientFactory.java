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
 * Builds each upstream's adapter once, at start-up: its own WebClient, bounded connection
 * pool, timeouts, retry and circuit breaker. Start-up fails with a message naming the
 * property when an upstream is misconfigured.
 * <p>
 * It knows no credentials: the authenticator is given per upstream. Features get adapters
 * that prove the gateway's identity from {@link UpstreamClients}; the credentials
 * themselves use {@link #unauthenticated(String) an unauthenticated adapter} to reach
 * IAM, so that obtaining a token never needs a token (no cycle, neither in the call path
 * nor between the beans).
 */
public final class UpstreamClientFactory implements DisposableBean {

	private final UpstreamProperties properties;

	private final RegionProperties regions;

	private final WebClient.Builder webClientBuilder;

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final ObjectMapper json;

	private final Clock clock;

	private final MeterRegistry meters;

	private final UpstreamQuota quota;

	private final Map<String, Built> clients = new ConcurrentHashMap<>();

	private final Map<String, ConnectionProvider> pools = new ConcurrentHashMap<>();

	UpstreamClientFactory(UpstreamProperties properties, RegionProperties regions, WebClient.Builder webClientBuilder,
			CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, ObjectMapper json, Clock clock,
			MeterRegistry meters, UpstreamQuota quota) {
		this.properties = properties;
		this.regions = regions;
		this.webClientBuilder = webClientBuilder;
		this.circuitBreakers = circuitBreakers;
		this.retries = retries;
		this.json = json;
		this.clock = clock;
		this.meters = meters;
		this.quota = quota;
	}

	/**
	 * The adapter of the named upstream, authenticated by {@code authenticator}; built on
	 * first use (at start-up). One upstream has one adapter (one pool, one breaker), so
	 * asking again with another authenticator is a programming error.
	 * @throws IllegalStateException if the upstream is misconfigured (the message names
	 * the property), or was already built with another authenticator
	 */
	public UpstreamClient client(String name, UpstreamAuthenticator authenticator) {
		Built built = clients.computeIfAbsent(name, key -> new Built(authenticator, build(key, authenticator)));
		if (built.authenticator() != authenticator) {
			throw new IllegalStateException("upstream " + name + " is already built with another authenticator");
		}
		return built.client();
	}

	/**
	 * The adapter of the named upstream that sends no credentials of the gateway's own:
	 * for IAM, where the request body is the credential.
	 */
	public UpstreamClient unauthenticated(String name) {
		return client(name, UpstreamAuthenticator.NONE);
	}

	private UpstreamClient build(String name, UpstreamAuthenticator authenticator) {
		UpstreamProperties.Upstream upstream = properties.require(name);
		UpstreamEndpoints endpoints = new UpstreamEndpoints(name, upstream.endpoint(), regions);
		return new UpstreamClient(name, webClient(name, upstream), endpoints, authenticator,
				new RegionCircuitBreakers(name, regions.region(), circuitBreakers, clock),
				retry(name, upstream.retry()), upstream.retry().deadline(), new UpstreamErrorDecoder(json), clock,
				new UpstreamTimeouts(meters, name), quota, upstream.responseTimeout());
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

	private record Built(UpstreamAuthenticator authenticator, UpstreamClient client) {
	}

	@Override
	public void destroy() {
		pools.values().forEach(ConnectionProvider::dispose);
	}

}
