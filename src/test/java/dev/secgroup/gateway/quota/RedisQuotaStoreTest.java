package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.sharedstate.SharedStateFallback;
import dev.secgroup.gateway.support.PrivateRedisServer;
import dev.secgroup.gateway.support.RedisConnections;
import dev.secgroup.gateway.support.SharedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Lua reservations on a real Redis, and the local fallback while it is away. */
@ExtendWith(SharedRedisServer.class)
class RedisQuotaStoreTest {

	private static final Duration WINDOW = Duration.ofSeconds(60);

	private static final Duration LONG = Duration.ofSeconds(300);

	private final String prefix = SharedRedisServer.randomKeyPrefix();

	private final RedisConnections connections = new RedisConnections(SharedRedisServer.endpoint().host(),
			SharedRedisServer.endpoint().port(), prefix);

	private final RedisQuotaStore store = new RedisQuotaStore(connections.redis(), Duration.ofSeconds(3));

	@AfterEach
	void close() {
		connections.close();
	}

	@Test
	void grantsTheQuotaAtOnceThenTurnsAWholeWindowLaterInArrivalOrder() {
		IntStream.range(0, 5).forEach(i -> assertThat(reserve("a", LONG, 10).delay()).isZero());

		Reservation sixth = reserve("a", LONG, 10);
		Reservation seventh = reserve("b", LONG, 10);

		assertThat(sixth.granted()).isTrue();
		assertThat(sixth.delay()).isBetween(WINDOW.minusSeconds(5), WINDOW);
		assertThat(seventh.delay()).isBetween(WINDOW.minusSeconds(5), WINDOW);
		assertThat(sixth.remaining()).isZero();
	}

	@Test
	void refusesWithoutReservingWhenNoTurnIsFreeInTime() {
		IntStream.range(0, 5).forEach(i -> reserve("a", LONG, 10));

		Reservation refused = reserve("a", Duration.ofSeconds(10), 10);
		Reservation next = reserve("a", LONG, 10);

		assertThat(refused.outcome()).isEqualTo(Reservation.Outcome.QUOTA);
		assertThat(refused.delay()).isBetween(WINDOW.minusSeconds(5), WINDOW);
		assertThat(next.delay()).as("the refused call took no turn").isBetween(WINDOW.minusSeconds(5), WINDOW);
	}

	@Test
	void aCallerMayHaveOnlySoManyCallsWaiting() {
		IntStream.range(0, 5).forEach(i -> reserve("a", LONG, 2));
		assertThat(reserve("a", LONG, 2).granted()).isTrue();
		assertThat(reserve("a", LONG, 2).granted()).isTrue();

		assertThat(reserve("a", LONG, 2).outcome()).isEqualTo(Reservation.Outcome.WAITING);
		assertThat(reserve("b", LONG, 2).granted()).isTrue();
	}

	@Test
	void aPauseMovesEveryLaterTurnPastItsEnd() {
		store.pause("hss", Duration.ofSeconds(30)).block();

		assertThat(store.pausedFor("hss").block()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
		assertThat(reserve("a", LONG, 10).delay()).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
		assertThat(store.pausedFor("other").block()).isZero();
	}

	@Test
	void fallsBackToLocalStateWhileRedisIsAwayAndReturnsByItself() {
		Assumptions.assumeTrue(PrivateRedisServer.available(), "redis-server is not installed");
		try (PrivateRedisServer server = PrivateRedisServer.start();
				RedisConnections own = new RedisConnections("127.0.0.1", server.port(), "test:")) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			SharedStateFallback fallback = new SharedStateFallback(Duration.ofMillis(200), System::nanoTime, meters);
			FallbackQuotaStore store = new FallbackQuotaStore(new RedisQuotaStore(own.redis(), Duration.ofSeconds(1)),
					MemoryQuotaStore.monotonic(), fallback);
			assertThat(store.reserve("hss", "a", 1, WINDOW, LONG, 10).block().delay()).isZero();
			assertThat(fallback.active()).isFalse();

			server.stop();
			Reservation local = store.reserve("hss", "a", 1, WINDOW, LONG, 10).block();

			assertThat(local.delay()).as("the local bucket is fresh").isZero();
			assertThat(fallback.active()).isTrue();
			assertThat(meters.get(SharedStateFallback.METRIC).gauge().value()).isEqualTo(1);

			server.resume();
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				store.reserve("hss", "b", 1, WINDOW, LONG, 10).block();
				assertThat(fallback.active()).isFalse();
			});
			assertThat(meters.get(SharedStateFallback.METRIC).gauge().value()).isZero();
			assertThat(own.redis().blocking().hasKey("test:quota:{hss}:turns")).as("the turn went to Redis").isTrue();
		}
	}

	@Test
	void aLargeQuotaKeepsOnlyTheTurnsOfTheCurrentWindowSoEveryCallCostsTheSame() {
		Duration shortWindow = Duration.ofSeconds(2);
		IntStream.range(0, 10)
			.forEach(i -> assertThat(store.reserve("big", "a", 100_000, shortWindow, LONG, 10).block().remaining())
				.isEqualTo(100_000 - 1 - i));
		String turns = prefix + "quota:{big}:turns";
		assertThat(connections.redis().blocking().opsForList().size(turns)).isEqualTo(10);

		// Each try reserves a turn too: try only once a whole window has passed.
		org.awaitility.Awaitility.await()
			.pollDelay(shortWindow.plusMillis(500))
			.pollInterval(shortWindow.plusMillis(500))
			.atMost(Duration.ofSeconds(15))
			.until(() -> store.reserve("big", "a", 100_000, shortWindow, LONG, 10).block().remaining() == 99_999);

		assertThat(connections.redis().blocking().opsForList().size(turns)).as("older turns were dropped").isEqualTo(1);
	}

	private Reservation reserve(String caller, Duration maxWait, int maxWaiting) {
		return store.reserve("hss", caller, 5, WINDOW, maxWait, maxWaiting).block(Duration.ofSeconds(5));
	}

}
