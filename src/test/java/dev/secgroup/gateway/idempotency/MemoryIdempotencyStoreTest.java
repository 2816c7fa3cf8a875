package dev.secgroup.gateway.idempotency;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryIdempotencyStoreTest {

	private static final Duration LEASE = Duration.ofSeconds(60);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final MemoryIdempotencyStore store = new MemoryIdempotencyStore(100, LEASE, Duration.ofHours(24), clock);

	private final StoredAnswer answer = new StoredAnswer(200, "application/json", "up-1", null, "req-1",
			"{\"ok\":true}".getBytes());

	@Test
	void firstClaimWinsAndTheSecondSeesItRunning() {
		assertThat(store.claim("k", "fp", "one")).isEqualTo(new Claim.Claimed(false));
		assertThat(store.claim("k", "fp", "two")).isEqualTo(new Claim.Running(LEASE));
	}

	@Test
	void aDifferentRequestIsAMismatchWhetherRunningOrDone() {
		store.claim("k", "fp", "one");
		assertThat(store.claim("k", "other", "two")).isEqualTo(new Claim.Mismatch());
		store.complete("k", "one", answer);
		assertThat(store.claim("k", "other", "two")).isEqualTo(new Claim.Mismatch());
	}

	@Test
	void aCompletedKeyAnswersItsAnswer() {
		store.claim("k", "fp", "one");
		assertThat(store.complete("k", "one", answer)).isTrue();
		assertThat(store.claim("k", "fp", "two")).isEqualTo(new Claim.Done(answer));
	}

	@Test
	void aReleasedKeyRunsAgain() {
		store.claim("k", "fp", "one");
		assertThat(store.release("k", "one")).isTrue();
		assertThat(store.claim("k", "fp", "two")).isEqualTo(new Claim.Claimed(false));
	}

	@Test
	void onlyTheOwnerCompletesOrReleases() {
		store.claim("k", "fp", "one");
		assertThat(store.complete("k", "two", answer)).isFalse();
		assertThat(store.release("k", "two")).isFalse();
		assertThat(store.claim("k", "fp", "three")).isInstanceOf(Claim.Running.class);
	}

	@Test
	void anExpiredLeaseIsTakenOverAndTheStaleOwnerCanNoLongerComplete() {
		store.claim("k", "fp", "dead");
		clock.advance(LEASE.minusSeconds(1));
		assertThat(store.claim("k", "fp", "next")).isEqualTo(new Claim.Running(Duration.ofSeconds(1)));
		clock.advance(Duration.ofSeconds(1));

		assertThat(store.claim("k", "fp", "next")).isEqualTo(new Claim.Claimed(true));
		assertThat(store.complete("k", "dead", answer)).isFalse();
		assertThat(store.complete("k", "next", answer)).isTrue();
	}

	@Test
	void aCompletedAnswerIsNeverReplacedOrReleased() {
		store.claim("k", "fp", "one");
		store.complete("k", "one", answer);
		assertThat(store.release("k", "one")).isFalse();
		assertThat(store.complete("k", "one", new StoredAnswer(500, null, null, null, "x", null))).isFalse();
		assertThat(store.claim("k", "fp", "two")).isEqualTo(new Claim.Done(answer));
	}

	@Test
	void keysAreForgottenAfterTheirRetention() {
		store.claim("k", "fp", "one");
		store.complete("k", "one", answer);
		clock.advance(Duration.ofHours(24).plusSeconds(1));
		assertThat(store.claim("k", "fp", "two")).isEqualTo(new Claim.Claimed(false));
	}

	@Test
	void isBoundedInEntries() {
		MemoryIdempotencyStore small = new MemoryIdempotencyStore(10, LEASE, Duration.ofHours(24), clock);
		for (int i = 0; i < 1000; i++) {
			small.claim("k" + i, "fp", "o");
		}
		assertThat(small.size()).isLessThanOrEqualTo(10);
	}

}
