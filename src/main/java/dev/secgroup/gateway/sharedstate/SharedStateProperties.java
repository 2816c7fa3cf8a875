package dev.secgroup.gateway.sharedstate;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where state shared by the replicas (upstream quotas, idempotency records) is kept. The
 * Redis connection itself (host, port, password, TLS, timeouts) is Spring Boot's
 * {@code spring.data.redis.*}; it is only used when {@code store} is {@code redis}.
 *
 * @param store {@code memory} (default): this replica only, nothing to run;
 * {@code redis}: one state for all replicas, in the Redis of {@code spring.data.redis.*}
 * @param keyPrefix prefix of every Redis key the gateway writes, so that several gateways
 * (or tests) can share one Redis
 * @param fallbackRecheck while Redis cannot be reached, how long a replica keeps using
 * its local fallback before it tries Redis again
 */
@Validated
@ConfigurationProperties("gateway.shared-state")
public record SharedStateProperties(@DefaultValue("memory") @NotNull Store store,
		@DefaultValue("secgroup-gateway:") @NotBlank String keyPrefix,
		@DefaultValue("2s") @NotNull Duration fallbackRecheck) {

	/** The kinds of shared-state store. */
	public enum Store {

		/**
		 * In this replica's memory: right for one replica, and what the local run uses.
		 */
		MEMORY,

		/** In Redis, shared by every replica. */
		REDIS

	}

}
