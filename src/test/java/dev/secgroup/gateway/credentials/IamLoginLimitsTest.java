package dev.secgroup.gateway.credentials;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.support.MutableClock;
import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random project ids cannot force one IAM login per request (review A9/B5): IAM's refusal
 * is remembered, and logins for new projects are budgeted per minute. The source here
 * answers at once, as IAM refusing an unknown project would; every call of it is one IAM
 * login.
 */
class IamLoginLimitsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));

	private final List<String> logins = new CopyOnWriteArrayList<>();

	private final IamTokenSource refusing = projectId -> {
		logins.add(projectId);
		return Mono.error(new UpstreamCredentialsException("iam", UpstreamCredentialsException.Reason.IAM_REFUSED,
				"IAM refused", 401, null, null, null));
	};

	private final IamTokenCache cache = new IamTokenCache(refusing, clock,
			new CredentialsMetrics(new SimpleMeterRegistry(), CredentialsMode.PASSWORD),
			new IamLoginLimits(Duration.ofMinutes(5), 10, 1000));

	@Test
	void aHundredRandomProjectsCauseNoMoreLoginsThanTheMinutesBudget() {
		int refusedByIam = 0;
		int budgetExceeded = 0;
		for (int i = 0; i < 100; i++) {
			String project = UUID.randomUUID().toString().replace("-", "");
			try {
				cache.token(project).block();
			}
			catch (UpstreamCredentialsException ex) {
				if (ex.reason() == UpstreamCredentialsException.Reason.IAM_REFUSED) {
					refusedByIam++;
				}
				else {
					assertThat(ex.reason()).isEqualTo(UpstreamCredentialsException.Reason.IAM_UNAVAILABLE);
					assertThat(ex.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
					budgetExceeded++;
				}
			}
		}

		assertThat(logins).hasSize(10);
		assertThat(refusedByIam).isEqualTo(10);
		assertThat(budgetExceeded).isEqualTo(90);

		// The next minute has a new budget.
		clock.advance(Duration.ofMinutes(1));
		assertThatThrownBy(() -> cache.token("another0project").block())
			.isInstanceOf(UpstreamCredentialsException.class);
		assertThat(logins).hasSize(11);
	}

	@Test
	void concurrentFirstCallersOfOneProjectShareOneLoginOfTheBudget() {
		List<reactor.core.publisher.Sinks.One<IamToken>> pending = new CopyOnWriteArrayList<>();
		IamTokenCache slow = new IamTokenCache(projectId -> {
			logins.add(projectId);
			reactor.core.publisher.Sinks.One<IamToken> answer = reactor.core.publisher.Sinks.one();
			pending.add(answer);
			return answer.asMono();
		}, clock, new CredentialsMetrics(new SimpleMeterRegistry(), CredentialsMode.PASSWORD),
				new IamLoginLimits(Duration.ofMinutes(5), 2, 1000));

		for (int i = 0; i < 50; i++) {
			slow.token("busy0project").subscribe(token -> {
			}, error -> {
			});
		}
		slow.token("second0project").subscribe(token -> {
		}, error -> {
		});

		assertThat(logins).containsExactly("busy0project", "second0project");
	}

	@Test
	void aRefusedProjectIsAnsweredFromMemoryUntilItsRefusalExpires() {
		for (int i = 0; i < 20; i++) {
			assertThatThrownBy(() -> cache.token("refused0project").block()).isInstanceOfSatisfying(
					UpstreamCredentialsException.class,
					ex -> assertThat(ex.reason()).isEqualTo(UpstreamCredentialsException.Reason.IAM_REFUSED));
		}
		assertThat(logins).containsExactly("refused0project");

		clock.advance(Duration.ofMinutes(5));
		assertThatThrownBy(() -> cache.token("refused0project").block())
			.isInstanceOf(UpstreamCredentialsException.class);
		assertThat(logins).hasSize(2);
	}

	@Test
	void anUnavailableIamIsNotRememberedAsARefusal() {
		IamTokenSource unavailable = projectId -> {
			logins.add(projectId);
			return Mono.error(new UpstreamCredentialsException("iam",
					UpstreamCredentialsException.Reason.IAM_UNAVAILABLE, "IAM down", null, null, null, null));
		};
		IamTokenCache outage = new IamTokenCache(unavailable, clock,
				new CredentialsMetrics(new SimpleMeterRegistry(), CredentialsMode.PASSWORD),
				new IamLoginLimits(Duration.ofMinutes(5), 10, 1000));

		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> outage.token("real0project").block())
				.isInstanceOf(UpstreamCredentialsException.class);
		}
		assertThat(logins).hasSize(3);
	}

}
