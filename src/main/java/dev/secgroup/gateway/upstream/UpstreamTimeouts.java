package dev.secgroup.gateway.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts one upstream's timeouts as {@value #NAME}{@code {upstream, timeout}}:
 * {@code response} for an attempt that got no (complete) answer within
 * {@code response-timeout}, {@code deadline} for a call that ran out of its
 * {@code retry.deadline}. Registered once per upstream, so both series exist (at 0)
 * before the first timeout and an alert needs no {@code absent()}.
 */
final class UpstreamTimeouts {

	/** Meter name; Prometheus: {@code gateway_upstream_timeouts_total}. */
	static final String NAME = "gateway.upstream.timeouts";

	private final Counter response;

	private final Counter deadline;

	UpstreamTimeouts(MeterRegistry registry, String upstream) {
		this.response = counter(registry, upstream, "response");
		this.deadline = counter(registry, upstream, "deadline");
	}

	private static Counter counter(MeterRegistry registry, String upstream, String timeout) {
		return Counter.builder(NAME)
			.description(
					"Upstream timeouts: attempts without an answer in time (response), calls out of time (deadline)")
			.tag("upstream", upstream)
			.tag("timeout", timeout)
			.register(registry);
	}

	/** Counts a failed attempt if it timed out. */
	AttemptFailure attempt(AttemptFailure failure) {
		if (failure.kind() == AttemptFailure.Kind.TIMEOUT) {
			response.increment();
		}
		return failure;
	}

	void deadline() {
		deadline.increment();
	}

}
