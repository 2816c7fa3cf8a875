package dev.secgroup.gateway.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

import dev.secgroup.gateway.upstream.UpstreamCredentialsException;

/**
 * One IAM token per project, shared by every call for that project.
 * <ul>
 * <li><b>Reused</b> until its refresh point ({@link IamToken#refreshAt()}, the configured
 * margin before {@code expires_at}).</li>
 * <li><b>Refreshed ahead of expiry</b>: past the refresh point one new token is fetched
 * while the old one keeps serving, until shortly before it expires
 * ({@link IamToken#usableUntil()}); only then do calls wait for the new one.</li>
 * <li><b>Single-flight</b>: however many calls find no usable token, one IAM request is
 * made per project at a time; all of them get its token, or its error.</li>
 * <li><b>Never poisoned</b>: a failed fetch is not cached; the next call tries again
 * (IAM's own circuit breaker keeps that cheap while IAM is down), and an old token that
 * is still usable keeps serving.</li>
 * <li>A token upstream refused is {@linkplain #invalidate dropped}, unless already
 * replaced.</li>
 * <li><b>Bounded</b> ({@link IamLoginLimits}): IAM's refusal of a project is remembered
 * for a while (a negative cache), logins for projects not seen before are limited per
 * minute, and the number of projects kept is capped, so random project ids cannot make
 * the gateway log in to IAM once per request.</li>
 * </ul>
 * A fetch runs to its end even if the calls waiting for it give up (it is bounded by the
 * IAM adapter's deadline), so a cancelled caller never leaves the project without a token
 * in flight. Nothing here blocks; time comes from the injected {@link Clock}.
 */
final class IamTokenCache {

	private static final Logger log = LoggerFactory.getLogger(IamTokenCache.class);

	private static final Duration WINDOW = Duration.ofMinutes(1);

	/** Restores a call's ids (trace, request id) on the thread that logs for it. */
	private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

	private final IamTokenSource source;

	private final Clock clock;

	private final CredentialsMetrics metrics;

	private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Refusal> refused = new ConcurrentHashMap<>();

	private final IamLoginLimits limits;

	private Instant windowStart = Instant.MIN;

	private int newProjectsInWindow;

	IamTokenCache(IamTokenSource source, Clock clock, CredentialsMetrics metrics) {
		this(source, clock, metrics, IamLoginLimits.DEFAULTS);
	}

	IamTokenCache(IamTokenSource source, Clock clock, CredentialsMetrics metrics, IamLoginLimits limits) {
		this.source = source;
		this.clock = clock;
		this.metrics = metrics;
		this.limits = limits;
	}

	/**
	 * The token to send for the project: cached, or fetched (once for all concurrent
	 * callers).
	 */
	Mono<IamToken> token(String projectId) {
		return Mono.deferContextual(caller -> {
			Instant now = clock.instant();
			Slot cached = slots.get(projectId);
			if (cached != null && cached.freshAt(now)) {
				return Mono.just(cached.token());
			}
			Refusal refusal = refused.get(projectId);
			if (refusal != null) {
				if (now.isBefore(refusal.until())) {
					return Mono.error(refusal.failure());
				}
				refused.remove(projectId, refusal);
			}
			if (cached == null && !roomForAnotherProject(now)) {
				return Mono.error(tooManyNewProjects(now));
			}
			Fetch[] started = new Fetch[1];
			boolean[] overBudget = new boolean[1];
			Slot slot = slots.compute(projectId, (id, existing) -> {
				if (existing != null && (existing.freshAt(now) || existing.pending() != null)) {
					return existing;
				}
				// Counted here, once per project: concurrent first callers share one
				// login.
				if (existing == null && !takeNewProjectLogin(now)) {
					overBudget[0] = true;
					return null;
				}
				started[0] = new Fetch(trigger(existing));
				return new Slot(existing == null ? null : existing.token(), started[0], false);
			});
			if (overBudget[0]) {
				return Mono.error(tooManyNewProjects(now));
			}
			if (started[0] != null) {
				// Subscribed outside compute(): a fetch that ends at once updates the map
				// itself.
				start(projectId, started[0], caller);
			}
			if (slot.token() != null && slot.token().usableAt(now)) {
				return Mono.just(slot.token());
			}
			return slot.pending().result();
		});
	}

	/**
	 * Whether the projects kept leave room for one more; expired entries are dropped to
	 * make some.
	 */
	private boolean roomForAnotherProject(Instant now) {
		if (slots.size() + refused.size() < limits.maxProjects()) {
			return true;
		}
		evictExpired(now);
		return slots.size() + refused.size() < limits.maxProjects();
	}

	/** Takes one of the minute's logins for projects without a token, if any is left. */
	private synchronized boolean takeNewProjectLogin(Instant now) {
		if (!now.isBefore(windowStart.plus(WINDOW))) {
			windowStart = now;
			newProjectsInWindow = 0;
		}
		if (newProjectsInWindow >= limits.newProjectsPerMinute()) {
			return false;
		}
		newProjectsInWindow++;
		return true;
	}

	private synchronized UpstreamCredentialsException tooManyNewProjects(Instant now) {
		Duration left = Duration.between(now, windowStart.plus(WINDOW));
		Duration wait = left.isNegative() || left.isZero() || left.compareTo(WINDOW) > 0 ? WINDOW : left;
		return new UpstreamCredentialsException("iam", UpstreamCredentialsException.Reason.IAM_UNAVAILABLE,
				"Too many IAM logins for projects without a token; try again later.", null, null, wait, null);
	}

	private void evictExpired(Instant now) {
		refused.values().removeIf(refusal -> !now.isBefore(refusal.until()));
		slots.values()
			.removeIf(slot -> slot.pending() == null && (slot.token() == null || !slot.token().usableAt(now)));
	}

	/**
	 * Upstream refused {@code rejected}: drop it, so the next call fetches a new one. A
	 * token that has meanwhile been replaced is kept (another call already refreshed).
	 */
	void invalidate(String projectId, String rejected) {
		if (projectId == null || rejected == null) {
			return;
		}
		slots.computeIfPresent(projectId, (id, slot) -> slot.token() != null && slot.token().value().equals(rejected)
				? new Slot(null, slot.pending(), true) : slot);
	}

	/**
	 * When the soonest-expiring cached token of the projects {@code projects} accepts
	 * expires; empty when none of them has one. Read when metrics are scraped, never on a
	 * call's path.
	 */
	Optional<Instant> soonestExpiry(Predicate<String> projects) {
		return slots.entrySet()
			.stream()
			.filter(entry -> projects.test(entry.getKey()) && entry.getValue().token() != null)
			.map(entry -> entry.getValue().token().expiresAt())
			.min(Instant::compareTo);
	}

	private static CredentialsMetrics.Trigger trigger(Slot existing) {
		if (existing == null) {
			return CredentialsMetrics.Trigger.INITIAL;
		}
		if (existing.rejected()) {
			return CredentialsMetrics.Trigger.REJECTED;
		}
		return existing.token() != null ? CredentialsMetrics.Trigger.EXPIRING : CredentialsMetrics.Trigger.INITIAL;
	}

	/**
	 * Starts the fetch in a subscription of its own, carrying the context of the call
	 * that started it (its trace, so that the IAM request is part of it, and its request
	 * id): the fetch ends on a reactor thread, where its log lines get that call's ids
	 * back explicitly ({@code spring.reactor.context-propagation=limited} restores
	 * nothing by itself).
	 */
	private void start(String projectId, Fetch fetch, ContextView caller) {
		Mono.defer(() -> source.fetch(projectId))
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("the token source completed without a token")))
			.contextWrite(context -> context.putAll(caller))
			.subscribe(token -> completed(projectId, fetch, token, caller),
					error -> failed(projectId, fetch, error, caller));
	}

	private void completed(String projectId, Fetch fetch, IamToken token, ContextView caller) {
		slots.compute(projectId,
				(id, slot) -> slot == null || slot.pending() == fetch ? new Slot(token, null, false) : slot);
		metrics.obtained(fetch.trigger());
		if (log.isDebugEnabled()) {
			try (ContextSnapshot.Scope ids = CONTEXT.setThreadLocalsFrom(caller)) {
				log.debug("IAM token obtained for project {} ({}), expires {}, refreshed from {}", projectId,
						fetch.trigger(), token.expiresAt(), token.refreshAt());
			}
		}
		fetch.sink().tryEmitValue(token);
	}

	private void failed(String projectId, Fetch fetch, Throwable error, ContextView caller) {
		UpstreamCredentialsException failure = error instanceof UpstreamCredentialsException credentials ? credentials
				: new UpstreamCredentialsException("iam", UpstreamCredentialsException.Reason.IAM_UNAVAILABLE,
						"The IAM token for project " + projectId + " could not be obtained.", null, null, null, error);
		// Not cached: the slot keeps an old token that may still serve, or is removed.
		slots.computeIfPresent(projectId, (id, slot) -> slot.pending() != fetch ? slot
				: slot.token() == null ? null : new Slot(slot.token(), null, slot.rejected()));
		if (failure.reason() == UpstreamCredentialsException.Reason.IAM_REFUSED) {
			// IAM said no (unknown project, refused identity): asking again at once would
			// only repeat the login.
			refused.put(projectId, new Refusal(failure, clock.instant().plus(limits.refusedProjectTtl())));
		}
		metrics.failed(fetch.trigger(), failure.reason());
		// The message names IAM's code and request id, never a credential; no stack trace
		// for an outage.
		try (ContextSnapshot.Scope ids = CONTEXT.setThreadLocalsFrom(caller)) {
			log.warn("IAM token for project {} not obtained ({}): {}", projectId, fetch.trigger(),
					failure.getMessage());
		}
		fetch.sink().tryEmitError(failure);
	}

	/**
	 * What is known for one project: the current token (or none), the fetch in flight (or
	 * none), and whether the last token was refused upstream.
	 */
	private record Slot(IamToken token, Fetch pending, boolean rejected) {

		boolean freshAt(Instant now) {
			return token != null && token.freshAt(now);
		}

	}

	/** IAM's refusal of a project, answered from memory until {@code until}. */
	private record Refusal(UpstreamCredentialsException failure, Instant until) {
	}

	/** One IAM request in flight and the calls waiting for it. */
	private record Fetch(CredentialsMetrics.Trigger trigger, Sinks.One<IamToken> sink) {

		Fetch(CredentialsMetrics.Trigger trigger) {
			this(trigger, Sinks.one());
		}

		Mono<IamToken> result() {
			return sink.asMono();
		}

	}

}
