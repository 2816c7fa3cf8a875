package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.secgroup.gateway.call.FilterOrder;
import dev.secgroup.gateway.sharedstate.SharedRedis;
import dev.secgroup.gateway.sharedstate.SharedStateFallback;
import dev.secgroup.gateway.upstream.UpstreamProperties;
import dev.secgroup.gateway.upstream.UpstreamQuota;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The quotas: in memory with {@code gateway.shared-state.store=memory}, in Redis (with
 * this replica's memory as fallback) with {@code redis}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuotaProperties.class)
class QuotaConfiguration {

	@Bean
	QuotaMetrics quotaMetrics(ObjectProvider<MeterRegistry> meters) {
		return new QuotaMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	/**
	 * The store. Each Redis call also gets a backstop of twice the connection's command
	 * timeout ({@code spring.data.redis.timeout}), in case a command is queued while
	 * Lettuce reconnects.
	 */
	@Bean
	QuotaStore quotaStore(ObjectProvider<SharedRedis> redis, SharedStateFallback fallback,
			@Value("${spring.data.redis.timeout:250ms}") Duration redisTimeout) {
		MemoryQuotaStore local = MemoryQuotaStore.monotonic();
		SharedRedis shared = redis.getIfAvailable();
		return shared == null ? local
				: new FallbackQuotaStore(new RedisQuotaStore(shared, redisTimeout.multipliedBy(2)), local, fallback);
	}

	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(ObjectProvider<ClientRateLimits> limits,
			QuotaStore store, ProblemWriter problems, QuotaMetrics metrics) {
		metrics.registerClientLimits();
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(limits.getIfAvailable(() -> ClientRateLimits.NONE), store, problems,
						metrics));
		registration.setName("clientRateLimitFilter");
		registration.setOrder(FilterOrder.CLIENT_RATE_LIMIT);
		return registration;
	}

	@Bean
	UpstreamQuota upstreamQuota(UpstreamProperties upstreams, QuotaStore store, QuotaProperties properties,
			QuotaMetrics metrics) {
		Map<String, UpstreamProperties.Quota> quotas = new LinkedHashMap<>();
		upstreams.upstreams().forEach((name, upstream) -> {
			if (upstream.quota().limited()) {
				quotas.put(name, upstream.quota());
			}
		});
		return new SharedUpstreamQuota(quotas, store, properties, metrics, Callers.Caller::current);
	}

}
