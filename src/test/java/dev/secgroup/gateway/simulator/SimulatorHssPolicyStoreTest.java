package dev.secgroup.gateway.simulator;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy store on its own: bounded, oldest dropped first, filtered by target. */
class SimulatorHssPolicyStoreTest {

	@Test
	void keepsTenThousandByDefault() {
		assertThat(new HssPolicyStore(HssPolicyStore.DEFAULT_CAPACITY).capacity()).isEqualTo(10_000);
	}

	@Test
	void beyondItsCapacityTheOldestPolicyIsDropped() {
		HssPolicyStore store = new HssPolicyStore(3);

		IntStream.range(0, 5).forEach(i -> store.record(policy("ns", "p" + i)));

		assertThat(store.size()).isEqualTo(3);
		assertThat(store.all()).extracting(RecordedPolicy::policyName).containsExactly("p2", "p3", "p4");
	}

	@Test
	void policiesAreFilteredByProjectClusterAndNamespace() {
		HssPolicyStore store = new HssPolicyStore(10);
		store.record(policy("a", "p1"));
		store.record(policy("b", "p2"));
		store.record(policy("a", "p3"));

		assertThat(store.policies("project", "cluster", "a")).extracting(RecordedPolicy::policyName)
			.containsExactly("p1", "p3");
		assertThat(store.policies("project", "other", "a")).isEmpty();
	}

	@Test
	void concurrentRecordingLosesNothing() {
		HssPolicyStore store = new HssPolicyStore(HssPolicyStore.DEFAULT_CAPACITY);

		IntStream.range(0, 2_000).parallel().forEach(i -> store.record(policy("ns", "p" + i)));

		assertThat(store.size()).isEqualTo(2_000);
	}

	private static RecordedPolicy policy(String namespace, String name) {
		return new RecordedPolicy("r", "project", "cluster", namespace, null, name, "w", "n", "deployments",
				List.of(new RecordedPolicy.SecurityGroup("sg", null, null)));
	}

}
