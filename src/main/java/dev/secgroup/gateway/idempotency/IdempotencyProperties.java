package dev.secgroup.gateway.idempotency;

import java.time.Duration;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Safe retries with {@code Idempotency-Key} (docs/configuration.md). Keys are kept in the
 * shared state ({@code gateway.shared-state.store}).
 *
 * @param ttl how long a key and its answer are kept: a retry within it gets the same
 * answer, a key reused after it starts a new call; published in the OpenAPI document
 * @param lease how long a call holds its key before another replica may take it over (its
 * replica having stopped mid-call); must outlast the longest call. Default: twice the
 * longest {@code gateway.upstreams.*.retry.deadline}
 * @param requiredFor operations (e.g. {@code hss:CreateSecurityGroupPolicy}) that refuse
 * a call without {@code Idempotency-Key} with 400; default none
 * @param maxStoredBodySize the largest answer body kept for replay. An answer with a
 * larger body is kept without it (status, headers and the body's size), so that a key
 * never holds megabytes in the store: its replay answers the same status with no body and
 * the header {@code Idempotent-Body-Omitted} giving the size of the body not replayed
 * @param memory bounds of the {@code memory} store
 */
@Validated
@ConfigurationProperties("gateway.idempotency")
record IdempotencyProperties(@DefaultValue("24h") @NotNull Duration ttl, @Nullable Duration lease,
		@DefaultValue Set<String> requiredFor, @DefaultValue("64KB") @NotNull DataSize maxStoredBodySize,
		@DefaultValue Memory memory) {

	/**
	 * The {@code memory} store.
	 *
	 * @param maxEntries keys kept at most (least recently used go first): a retry of an
	 * evicted key runs again
	 */
	record Memory(@DefaultValue("10000") @Min(1) long maxEntries) {
	}

}
