package dev.secgroup.gateway.deployment;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * application.yaml leaves out the auto-configurations of libraries the gateway never uses
 * (a shorter start-up); what it does use stays.
 */
class UnusedAutoConfigurationsTest extends GatewayTestSupport {

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void unusedAutoConfigurationsAreExcludedAndTheirBeansAbsent() {
		assertThat(ConditionEvaluationReport.get(context.getBeanFactory()).getExclusions()).contains(
				"io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
				"io.github.resilience4j.springboot.timelimiter.autoconfigure.TimeLimiterAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration");
		assertThat(context.getBeanNamesForType(RateLimiterRegistry.class)).isEmpty();
		assertThat(context.getBeanNamesForType(TimeLimiterRegistry.class)).isEmpty();
		assertThat(context.getBeanNamesForType(BulkheadRegistry.class)).isEmpty();
		assertThat(context.getBeanNamesForType(ReactiveUserDetailsService.class)).isEmpty();
		assertThat(context.getBeanNamesForType(TransactionTemplate.class)).isEmpty();
	}

	@Test
	void whatTheGatewayUsesStays() {
		assertThat(context.getBeanNamesForType(CircuitBreakerRegistry.class)).hasSize(1);
		assertThat(context.getBeanNamesForType(RetryRegistry.class)).hasSize(1);
	}

}
