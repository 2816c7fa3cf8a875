package dev.secgroup.gateway.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * HSS's documented limit as the simulator enforces it: {@code requests} calls of an API
 * per {@code per} and project (Huawei: 5 a minute for one IAM user), counted over a
 * sliding window; a call beyond it is answered 429 {@code APIGW.0308} by the simulated
 * API gateway, like Huawei's.
 */
final class HssRateLimit {

	private final int requests;

	private final long perMillis;

	private final LongSupplier nowMillis;

	private final Map<String, Deque<Long>> calls = new ConcurrentHashMap<>();

	HssRateLimit(int requests, Duration per, LongSupplier nowMillis) {
		this.requests = requests;
		this.perMillis = per.toMillis();
		this.nowMillis = nowMillis;
	}

	int requests() {
		return requests;
	}

	Duration per() {
		return Duration.ofMillis(perMillis);
	}

	/** Counts a call of {@code projectId}; {@code false} when it is over the limit. */
	boolean tryCall(String projectId) {
		if (requests <= 0) {
			return true;
		}
		Deque<Long> recent = calls.computeIfAbsent(projectId, key -> new ArrayDeque<>());
		long now = nowMillis.getAsLong();
		synchronized (recent) {
			while (!recent.isEmpty() && recent.peekFirst() <= now - perMillis) {
				recent.removeFirst();
			}
			if (recent.size() >= requests) {
				return false;
			}
			recent.addLast(now);
			return true;
		}
	}

}
