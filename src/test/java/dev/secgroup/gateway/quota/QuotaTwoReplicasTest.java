package dev.secgroup.gateway.quota;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.support.Replica;
import dev.secgroup.gateway.support.SharedRedisServer;

/**
 * The quota scenarios on two replicas sharing one Redis (and one key prefix): calls are
 * spread over both, and together they keep one quota, one line and one pause.
 */
@ExtendWith(SharedRedisServer.class)
class QuotaTwoReplicasTest extends QuotaScenarios {

	@Override
	List<Replica> startReplicas(Map<String, String> common) {
		Map<String, String> shared = QuotaRedisStoreTest.redis(common, SharedRedisServer.randomKeyPrefix());
		return List.of(Replica.start(shared), Replica.start(shared));
	}

}
