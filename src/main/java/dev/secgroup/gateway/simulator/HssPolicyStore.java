package dev.secgroup.gateway.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the simulated HSS was asked to create, oldest first, so that tests and demos can
 * see what the gateway really sent. Every accepted call is one entry: HSS's own rules on
 * repeated policy names are not known, so nothing is merged or refused as a duplicate.
 * <p>
 * Bounded so that a long-running local instance cannot grow without limit: beyond the
 * capacity ({@value #DEFAULT_CAPACITY} by default) the oldest entry is dropped.
 * Thread-safe (one lock; the operations are tiny).
 */
public final class HssPolicyStore {

	/** How many policies are kept unless told otherwise. */
	public static final int DEFAULT_CAPACITY = 10_000;

	private final int capacity;

	private final Deque<RecordedPolicy> policies = new ArrayDeque<>();

	HssPolicyStore(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.capacity = capacity;
	}

	synchronized void record(RecordedPolicy policy) {
		if (policies.size() == capacity) {
			policies.removeFirst();
		}
		policies.addLast(policy);
	}

	/** Every recorded policy, oldest first. */
	public synchronized List<RecordedPolicy> all() {
		return List.copyOf(policies);
	}

	/** The policies recorded for one namespace of one cluster, oldest first. */
	public synchronized List<RecordedPolicy> policies(String projectId, String clusterId, String namespace) {
		return policies.stream()
			.filter(p -> p.projectId().equals(projectId) && p.clusterId().equals(clusterId)
					&& p.namespace().equals(namespace))
			.collect(Collectors.toUnmodifiableList());
	}

	public synchronized int size() {
		return policies.size();
	}

	public int capacity() {
		return capacity;
	}

	/** Forgets everything recorded. */
	public synchronized void reset() {
		policies.clear();
	}

}
