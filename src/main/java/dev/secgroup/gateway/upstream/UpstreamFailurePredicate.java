package dev.secgroup.gateway.upstream;

import java.util.function.Predicate;

/**
 * What counts as a failure for an upstream's circuit breaker (referenced by
 * {@code resilience4j.circuitbreaker.configs.default.record-failure-predicate}): upstream
 * being down, slow or broken, not throttling (429) and not the caller's own 4xx, which
 * are answers. Missing credentials, the gateway's own full connection pool and its own
 * quota are not upstream's failure either (they are also listed in
 * {@code ignore-exceptions}, so that they count neither way: one client's burst cannot
 * open the circuit for everyone).
 */
public class UpstreamFailurePredicate implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		if (failure instanceof UpstreamCredentialsException || failure instanceof UpstreamBusyException
				|| failure instanceof UpstreamQuotaExceededException) {
			return false;
		}
		if (failure instanceof AttemptFailure attempt) {
			return !(attempt.kind() == AttemptFailure.Kind.THROTTLED && attempt.response() != null
					&& attempt.response().status() == 429);
		}
		return true;
	}

}
