package dev.secgroup.gateway.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.secgroup.gateway.support.MutableClock;
import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token cache on its own, with a token source the test answers by hand: single-flight
 * under real concurrency, no cached failures, reuse, refresh ahead of expiry,
 * invalidation.
 */
class IamTokenCacheTest {

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final Duration MARGIN = Duration.ofHours(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	private final ManualSource source = new ManualSource();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final IamTokenCache cache = new IamTokenCache(source, clock,
			new CredentialsMetrics(meters, CredentialsMode.PASSWORD));

	private final ExecutorService threads = Executors.newFixedThreadPool(16);

	@AfterEach
	void stop() {
		threads.shutdownNow();
	}

	@Test
	void twoHundredConcurrentCallersWithoutATokenShareOneFetch() throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<IamToken>> callers = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			CompletableFuture<IamToken> caller = new CompletableFuture<>();
			callers.add(caller);
			threads.execute(() -> {
				await(go);
				cache.token(PROJECT).subscribe(caller::complete, caller::completeExceptionally);
			});
		}
		go.countDown();
		threads.shutdown();
		assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(source.fetches()).isEqualTo(1);
		source.answer(0, token("A", Duration.ofHours(24)));

		assertThat(callers).allSatisfy(caller -> assertThat(caller.get(5, TimeUnit.SECONDS).value()).isEqualTo("A"));
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(source.fetches()).isEqualTo(1);
		assertThat(requests("initial", "success")).isEqualTo(1);
	}

	@Test
	void aFailedFetchFailsItsWaitersOnlyAndIsNotCached() {
		CompletableFuture<IamToken> first = cache.token(PROJECT).toFuture();
		CompletableFuture<IamToken> second = cache.token(PROJECT).toFuture();
		source.fail(0, UpstreamCredentialsException.Reason.IAM_UNAVAILABLE);

		assertThat(first).isCompletedExceptionally();
		assertThat(second).isCompletedExceptionally();
		CompletableFuture<IamToken> next = cache.token(PROJECT).toFuture();
		assertThat(source.fetches()).isEqualTo(2);
		source.answer(1, token("B", Duration.ofHours(24)));
		assertThat(next.join().value()).isEqualTo("B");
		assertThat(requests("initial", "iam_unavailable")).isEqualTo(1);
		assertThat(requests("initial", "success")).isEqualTo(1);
	}

	@Test
	void reusesTheTokenUntilTheMarginThenServesItWhileOneRefreshRuns() {
		CompletableFuture<IamToken> first = cache.token(PROJECT).toFuture();
		source.answer(0, token("A", Duration.ofHours(24)));
		assertThat(first.join().value()).isEqualTo("A");

		clock.advance(Duration.ofHours(22).plusMinutes(59));
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(source.fetches()).isEqualTo(1);

		clock.advance(Duration.ofMinutes(2));
		// In the margin: answered at once with the old token, one refresh for all of
		// them.
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(source.fetches()).isEqualTo(2);
		source.answer(1, token("B", Duration.ofHours(24)));

		assertThat(cache.token(PROJECT).block().value()).isEqualTo("B");
		assertThat(requests("expiring", "success")).isEqualTo(1);
	}

	@Test
	void aFailedRefreshKeepsTheOldTokenServingUntilItIsAboutToExpire() {
		CompletableFuture<IamToken> first = cache.token(PROJECT).toFuture();
		source.answer(0, token("A", Duration.ofHours(24)));
		first.join();

		clock.advance(Duration.ofHours(23).plusMinutes(30));
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		source.fail(1, UpstreamCredentialsException.Reason.IAM_UNAVAILABLE);
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(source.fetches()).isEqualTo(3);

		clock.advance(Duration.ofMinutes(29).plusSeconds(30));
		CompletableFuture<IamToken> late = cache.token(PROJECT).toFuture();
		assertThat(late).isNotDone();
		source.answer(2, token("C", Duration.ofHours(24)));
		assertThat(late.join().value()).isEqualTo("C");
	}

	@Test
	void shortLivedTokensAreStillReusedForHalfTheirLife() {
		CompletableFuture<IamToken> first = cache.token(PROJECT).toFuture();
		source.answer(0, token("A", Duration.ofMinutes(2)));
		first.join();

		clock.advance(Duration.ofSeconds(59));
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(source.fetches()).isEqualTo(1);
	}

	@Test
	void invalidatingDropsOnlyTheRefusedToken() {
		CompletableFuture<IamToken> first = cache.token(PROJECT).toFuture();
		source.answer(0, token("A", Duration.ofHours(24)));
		first.join();

		cache.invalidate(PROJECT, "not-the-cached-one");
		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");

		cache.invalidate(PROJECT, "A");
		CompletableFuture<IamToken> fresh = cache.token(PROJECT).toFuture();
		assertThat(fresh).isNotDone();
		source.answer(1, token("B", Duration.ofHours(24)));
		assertThat(fresh.join().value()).isEqualTo("B");
		assertThat(requests("rejected", "success")).isEqualTo(1);
	}

	@Test
	void aCallerGivingUpDoesNotCancelTheFetch() {
		Disposable impatient = cache.token(PROJECT).subscribe();
		impatient.dispose();

		source.answer(0, token("A", Duration.ofHours(24)));

		assertThat(cache.token(PROJECT).block().value()).isEqualTo("A");
		assertThat(source.fetches()).isEqualTo(1);
	}

	@Test
	void tokensOfProjectsAreSeparate() {
		CompletableFuture<IamToken> one = cache.token(PROJECT).toFuture();
		CompletableFuture<IamToken> other = cache.token("0a1b2c3d4e5f60718293a4b5c6d7e8f9").toFuture();

		assertThat(source.projects()).containsExactly(PROJECT, "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
		source.answer(0, token("A", Duration.ofHours(24)));
		source.fail(1, UpstreamCredentialsException.Reason.IAM_REFUSED);
		assertThat(one.join().value()).isEqualTo("A");
		assertThatThrownBy(other::join).hasCauseInstanceOf(UpstreamCredentialsException.class);
	}

	private double requests(String trigger, String result) {
		return meters
			.counter(CredentialsMetrics.TOKEN_REQUESTS, "mode", "password", "trigger", trigger, "result", result)
			.count();
	}

	private IamToken token(String value, Duration lifetime) {
		Instant now = clock.instant();
		return IamToken.issued(value, now.plus(lifetime), now, MARGIN);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A token source whose every fetch waits until the test answers it. */
	private static final class ManualSource implements IamTokenSource {

		private final List<Sinks.One<IamToken>> fetches = new CopyOnWriteArrayList<>();

		private final List<String> projects = new CopyOnWriteArrayList<>();

		@Override
		public Mono<IamToken> fetch(String projectId) {
			Sinks.One<IamToken> answer = Sinks.one();
			fetches.add(answer);
			projects.add(projectId);
			return answer.asMono();
		}

		int fetches() {
			return fetches.size();
		}

		List<String> projects() {
			return projects;
		}

		void answer(int fetch, IamToken token) {
			fetches.get(fetch).tryEmitValue(token).orThrow();
		}

		void fail(int fetch, UpstreamCredentialsException.Reason reason) {
			fetches.get(fetch)
				.tryEmitError(new UpstreamCredentialsException("iam", reason, "IAM said no", null, null, null, null))
				.orThrow();
		}

	}

}
