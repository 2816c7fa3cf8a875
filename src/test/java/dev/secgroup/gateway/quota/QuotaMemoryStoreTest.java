package dev.secgroup.gateway.quota;

import java.util.List;
import java.util.Map;

import dev.secgroup.gateway.support.Replica;

/** The quota scenarios on one replica with the memory store (the default). */
class QuotaMemoryStoreTest extends QuotaScenarios {

	@Override
	List<Replica> startReplicas(Map<String, String> common) {
		return List.of(Replica.start(common));
	}

}
