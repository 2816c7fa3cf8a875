package dev.secgroup.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.call.FilterOrder;
import dev.secgroup.gateway.call.MirroredOperations;
import dev.secgroup.gateway.sharedstate.SharedRedis;
import dev.secgroup.gateway.upstream.UpstreamProperties;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the idempotency step, its store and its OpenAPI contract. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

	@Bean
	IdempotencyMetrics idempotencyMetrics(MeterRegistry meters, MirroredOperations operations) {
		return new IdempotencyMetrics(meters, operations.names());
	}

	/**
	 * Redis when the shared state is ({@code gateway.shared-state.store=redis}), so that
	 * every replica sees every key; else this replica's memory.
	 */
	@Bean
	IdempotencyStore idempotencyStore(IdempotencyProperties properties, UpstreamProperties upstreams,
			ObjectProvider<SharedRedis> redis) {
		Duration lease = lease(properties, upstreams);
		SharedRedis shared = redis.getIfAvailable();
		if (shared != null) {
			return new RedisIdempotencyStore(shared, lease, properties.ttl());
		}
		return new MemoryIdempotencyStore(properties.memory().maxEntries(), lease, properties.ttl(), Clock.systemUTC());
	}

	@Bean
	Idempotency idempotency(IdempotencyStore store, ObjectMapper json, IdempotencyMetrics metrics) {
		return new Idempotency(store, json, metrics);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(MirroredOperations operations, IdempotencyStore store,
			IdempotencyProperties properties, ProblemWriter problems, IdempotencyMetrics metrics) {
		requireKnown(properties.requiredFor(), operations.names());
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
				store, properties.requiredFor(), properties.maxStoredBodySize(), problems, metrics));
		registration.setOrder(FilterOrder.IDEMPOTENCY);
		return registration;
	}

	@Bean
	IdempotencyOpenApiCustomizer idempotencyOpenApiCustomizer(MirroredOperations operations,
			IdempotencyProperties properties) {
		return new IdempotencyOpenApiCustomizer(operations, properties.ttl(), properties.requiredFor());
	}

	/**
	 * The configured lease, else twice the longest call deadline: a call still running
	 * keeps its key, whatever upstream it calls.
	 */
	static Duration lease(IdempotencyProperties properties, UpstreamProperties upstreams) {
		if (properties.lease() != null) {
			return properties.lease();
		}
		Duration longest = upstreams.upstreams()
			.values()
			.stream()
			.map(upstream -> upstream.retry().deadline())
			.max(Duration::compareTo)
			.orElse(Duration.ofSeconds(30));
		return longest.multipliedBy(2);
	}

	/** A misspelt operation would silently require nothing: refuse to start. */
	static void requireKnown(Set<String> requiredFor, Set<String> operations) {
		Set<String> unknown = new TreeSet<>(requiredFor);
		unknown.removeAll(operations);
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("gateway.idempotency.required-for names unknown operation(s) " + unknown
					+ "; known: " + operations);
		}
	}

}
