package dev.secgroup.gateway.upstream;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Huawei Cloud services the gateway calls ({@code iam}, {@code vpc}, {@code hss}),
 * keyed by name.
 *
 * @param upstreams per-upstream endpoint, timeouts, connection pool and retry policy
 */
@Validated
@ConfigurationProperties("gateway")
public record UpstreamProperties(Map<String, @Valid Upstream> upstreams) {

	public UpstreamProperties {
		upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
	}

	/**
	 * One upstream service.
	 *
	 * @param endpoint base URL; may contain {@code {region}}, filled per project (e.g.
	 * {@code https://vpc.{region}.myhuaweicloud.com})
	 * @param connectTimeout time to establish a TCP/TLS connection
	 * @param responseTimeout time to wait for the response of one attempt (per read)
	 * @param pool bounded connection pool of this upstream
	 * @param retry retry policy of this upstream (which failures are retried is fixed by
	 * the retry table of docs/architecture.md; these are its bounds)
	 * @param quota how many calls the upstream accepts from the gateway (all replicas
	 * together), and how long a call may wait for its turn
	 */
	public record Upstream(@NotBlank String endpoint, @DefaultValue("2s") @NotNull Duration connectTimeout,
			@DefaultValue("10s") @NotNull Duration responseTimeout, @DefaultValue @Valid Pool pool,
			@DefaultValue @Valid Retry retry, @DefaultValue @Valid Quota quota) {
	}

	/**
	 * An upstream's quota: at most {@code requests} attempts in any window of
	 * {@code per}, counted over every replica when {@code gateway.shared-state.store} is
	 * {@code redis}. A call that finds the quota spent waits in line for its turn, in
	 * arrival order.
	 *
	 * @param requests attempts allowed per window; {@code 0} (the default) means no quota
	 * and no shared-state access at all
	 * @param per the window
	 * @param maxWait how long a call may wait in line; a call that could not be sent
	 * within it (or within its own deadline, less one response timeout) is answered 429
	 * at once, without waiting
	 */
	public record Quota(@DefaultValue("0") @Min(0) int requests, @DefaultValue("1m") @NotNull Duration per,
			@DefaultValue("30s") @NotNull Duration maxWait) {

		/** Whether a quota is set. */
		public boolean limited() {
			return requests > 0;
		}

	}

	/**
	 * Connection pool bounds: never an unbounded queue of waiting requests.
	 *
	 * @param maxConnections open connections at most
	 * @param pendingAcquireMaxCount requests waiting for a connection at most (then 503)
	 * @param pendingAcquireTimeout how long a request may wait for a connection
	 * @param maxIdleTime idle connections are closed after this (below Huawei's load
	 * balancer idle timeout)
	 */
	public record Pool(@DefaultValue("200") @Min(1) int maxConnections,
			@DefaultValue("1000") @Min(1) int pendingAcquireMaxCount,
			@DefaultValue("5s") @NotNull Duration pendingAcquireTimeout,
			@DefaultValue("50s") @NotNull Duration maxIdleTime) {
	}

	/**
	 * Retry bounds: exponential backoff with jitter, limited in attempts and in total
	 * time.
	 *
	 * @param maxAttempts attempts in all, the first included (1 = no retry)
	 * @param initialBackoff wait before the first retry (then doubled, with jitter)
	 * @param maxBackoff longest wait between attempts
	 * @param maxRetryAfter cap on an upstream {@code Retry-After} that is honoured; a
	 * longer one is not waited for: the error is returned at once
	 * @param deadline total time of a call, all attempts and waits included (then 504)
	 */
	public record Retry(@DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
			@DefaultValue("200ms") @NotNull Duration initialBackoff, @DefaultValue("2s") @NotNull Duration maxBackoff,
			@DefaultValue("5s") @NotNull Duration maxRetryAfter, @DefaultValue("30s") @NotNull Duration deadline) {
	}

	/** The named upstream, or a start-up failure naming the missing property. */
	public Upstream require(String name) {
		Upstream upstream = upstreams.get(name);
		if (upstream == null) {
			throw new IllegalStateException("gateway.upstreams." + name + ".endpoint must be set");
		}
		return upstream;
	}

}
