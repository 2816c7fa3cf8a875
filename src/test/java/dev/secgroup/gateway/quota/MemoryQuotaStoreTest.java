package dev.secgroup.gateway.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sliding-window reservations, on a clock the test moves. */
class MemoryQuotaStoreTest {

	private static final Duration WINDOW = Duration.ofSeconds(60);

	private static final Duration LONG = Duration.ofSeconds(300);

	private final AtomicLong now = new AtomicLong(1_000_000);

	private final MemoryQuotaStore store = new MemoryQuotaStore(now::get);

	@Test
	void grantsTheQuotaAtOnceThenTurnsAWholeWindowLater() {
		for (int i = 0; i < 5; i++) {
			assertThat(reserve("a", LONG, 10).delay()).isZero();
		}
		Reservation sixth = reserve("a", LONG, 10);

		assertThat(sixth.granted()).isTrue();
		assertThat(sixth.delay()).isEqualTo(WINDOW);
		assertThat(reserve("a", LONG, 10).delay()).as("the seventh lines up behind, same window").isEqualTo(WINDOW);
	}

	@Test
	void countsWhatIsLeftInTheWindow() {
		assertThat(reserve("a", LONG, 10).remaining()).isEqualTo(4);
		assertThat(reserve("a", LONG, 10).remaining()).isEqualTo(3);
	}

	@Test
	void refusesWithoutReservingWhenNoTurnIsFreeInTime() {
		for (int i = 0; i < 5; i++) {
			reserve("a", LONG, 10);
		}
		now.addAndGet(10_000);

		Reservation refused = reserve("a", Duration.ofSeconds(49), 10);
		Reservation next = reserve("a", Duration.ofSeconds(50), 10);

		assertThat(refused.outcome()).isEqualTo(Reservation.Outcome.QUOTA);
		assertThat(refused.delay()).as("when a turn could be had").isEqualTo(Duration.ofSeconds(50));
		assertThat(next.granted()).as("the refused call took nothing").isTrue();
		assertThat(next.delay()).isEqualTo(Duration.ofSeconds(50));
	}

	@Test
	void aCallerMayHaveOnlySoManyCallsWaiting() {
		for (int i = 0; i < 5; i++) {
			reserve("a", LONG, 2);
		}
		assertThat(reserve("a", LONG, 2).granted()).isTrue();
		assertThat(reserve("a", LONG, 2).granted()).isTrue();

		assertThat(reserve("a", LONG, 2).outcome()).isEqualTo(Reservation.Outcome.WAITING);
		Reservation other = reserve("b", LONG, 2);
		assertThat(other.granted()).as("another caller still lines up").isTrue();
		assertThat(other.delay()).isEqualTo(WINDOW);
	}

	@Test
	void waitingCallsLeaveTheLineWhenTheirTurnComes() {
		for (int i = 0; i < 7; i++) {
			reserve("a", LONG, 2);
		}
		now.addAndGet(WINDOW.toMillis());

		assertThat(reserve("a", LONG, 2).granted()).isTrue();
	}

	@Test
	void aPauseMovesEveryLaterTurnPastItsEnd() {
		store.pauseNow("hss", Duration.ofSeconds(2));

		Reservation paused = reserve("a", LONG, 10);

		assertThat(paused.delay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(store.pausedFor("hss").block()).isEqualTo(Duration.ofSeconds(2));
		now.addAndGet(2_000);
		assertThat(store.pausedFor("hss").block()).isZero();
	}

	@Test
	void neverMoreThanTheQuotaInAnyWindowWhateverTheArrivals() {
		Random random = new Random(42);
		List<Long> sent = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			now.addAndGet(random.nextInt(20_000));
			Reservation reservation = reserve("caller-" + random.nextInt(5), Duration.ofSeconds(45), 3);
			if (reservation.granted()) {
				sent.add(now.get() + reservation.delay().toMillis());
			}
		}

		sent.sort(Long::compare);
		for (int i = 0; i + 5 < sent.size(); i++) {
			assertThat(sent.get(i + 5) - sent.get(i)).isGreaterThanOrEqualTo(WINDOW.toMillis());
		}
		assertThat(sent).hasSizeGreaterThan(1_000);
	}

	private Reservation reserve(String caller, Duration maxWait, int maxWaiting) {
		return store.reserveNow("hss", caller, 5, WINDOW, maxWait, maxWaiting);
	}

}
