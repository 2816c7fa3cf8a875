package dev.secgroup.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store on its own: insertion semantics, atomicity, copies, reset. */
class SimulatorVpcPortStoreTest {

	static final String PROJECT = SeedPort.PROJECT_ID;

	static final String PORT = SeedPort.PORT_ID;

	final VpcPortStore store = new VpcPortStore(JsonMapper.builder().build());

	static Stream<Arguments> insertions() {
		List<String> ab = List.of("a", "b");
		return Stream.of(Arguments.of(ab, List.of("x"), null, List.of("a", "b", "x")),
				Arguments.of(ab, List.of("x"), 0, List.of("x", "a", "b")),
				Arguments.of(ab, List.of("x"), 1, List.of("a", "x", "b")),
				Arguments.of(ab, List.of("x"), 2, List.of("a", "b", "x")),
				Arguments.of(ab, List.of("x"), 99, List.of("a", "b", "x")),
				Arguments.of(ab, List.of("x", "y"), 1, List.of("a", "x", "y", "b")),
				Arguments.of(ab, List.of("b", "x"), 0, List.of("x", "a", "b")),
				Arguments.of(ab, List.of("x", "x"), null, List.of("a", "b", "x")),
				Arguments.of(ab, List.of("a", "b"), 0, List.of("a", "b")),
				Arguments.of(List.of(), List.of("x"), 3, List.of("x")));
	}

	@ParameterizedTest(name = "{0} + {1} at {2} = {3}")
	@MethodSource("insertions")
	void insertsAtTheIndexSkippingGroupsAlreadyThere(List<String> existing, List<String> inserted, Integer index,
			List<String> expected) {
		assertThat(VpcPortStore.merge(existing, inserted, index)).isEqualTo(expected);
	}

	@Test
	void startsWithTheDocumentsExamplePort() {
		assertThat(store.securityGroups(PROJECT, PORT))
			.hasValue(List.of("567be4e3-d171-46ce-9e8a-c15e91cfe86a", "4940b983-5992-4663-bed9-d1d1e15d1009"));
		assertThat(store.port(PROJECT, PORT).orElseThrow().get("binding:vif_details").isObject()).isTrue();
	}

	@Test
	void resetRestoresTheSeedAndForgetsAddedPorts() {
		store.insertSecurityGroups(PROJECT, PORT, List.of("x"), null, false);
		ObjectNode other = (ObjectNode) store.port(PROJECT, PORT).orElseThrow();
		other.put("id", "other");
		store.put(other);

		store.reset();

		assertThat(store.securityGroups(PROJECT, PORT).orElseThrow()).doesNotContain("x");
		assertThat(store.port(PROJECT, "other")).isEmpty();
	}

	@Test
	void callersGetCopies() {
		ObjectNode port = (ObjectNode) store.port(PROJECT, PORT).orElseThrow();
		port.putArray("security_groups");

		assertThat(store.securityGroups(PROJECT, PORT).orElseThrow()).hasSize(2);
	}

	@Test
	void dryRunReturnsThePortAsItWouldBeAndKeepsIt() {
		var wouldBe = store.insertSecurityGroups(PROJECT, PORT, List.of("x"), 0, true);

		assertThat(wouldBe.get("security_groups").get(0).asString()).isEqualTo("x");
		assertThat(store.securityGroups(PROJECT, PORT).orElseThrow()).doesNotContain("x");
	}

	@Test
	void unknownPortAndLimitAreRefusedWithoutChange() {
		assertThatThrownBy(() -> store.insertSecurityGroups(PROJECT, "nope", List.of("x"), null, false))
			.isInstanceOf(VpcPortStore.PortNotFoundException.class);
		assertThat(store.port(PROJECT, "nope")).isEmpty();

		List<String> many = new ArrayList<>();
		for (int i = 0; i < 99; i++) {
			many.add("g" + i);
		}
		assertThatThrownBy(() -> store.insertSecurityGroups(PROJECT, PORT, many, null, false))
			.isInstanceOf(VpcPortStore.TooManySecurityGroupsException.class);
		assertThat(store.securityGroups(PROJECT, PORT).orElseThrow()).hasSize(2);
	}

	@Test
	void concurrentInsertionsIntoOnePortAreNeverLost() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 90; i++) {
				String group = "group-" + i;
				done.add(pool.submit(() -> store.insertSecurityGroups(PROJECT, PORT, List.of(group), 0, false)));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(store.securityGroups(PROJECT, PORT).orElseThrow()).hasSize(92).doesNotHaveDuplicates();
	}

}
