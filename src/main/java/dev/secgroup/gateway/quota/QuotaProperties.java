package dev.secgroup.gateway.quota;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How calls wait for an upstream's quota ({@code gateway.upstreams.<name>.quota.*} sets
 * each quota).
 *
 * @param maxWaitingPerClient calls of one client that may wait in line for an upstream at
 * once; more are answered 429 at once, so that one client's burst cannot take the line
 * from everyone
 * @param margin kept between a window's turns on top of the window itself: upstream
 * counts calls when they arrive, and a call may leave a few milliseconds after its turn
 */
@Validated
@ConfigurationProperties("gateway.quotas")
record QuotaProperties(@DefaultValue("2") @Min(0) int maxWaitingPerClient,
		@DefaultValue("250ms") @NotNull Duration margin) {
}
