package dev.secgroup.gateway.idempotency;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.upstream.UpstreamErrorException;
import dev.secgroup.gateway.upstream.UpstreamException;
import dev.secgroup.gateway.web.UpstreamRelay;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The idempotency step of a mirrored call: a feature runs its upstream call through
 * {@link #call} once the request is authenticated, authorized and valid, so that no
 * refusal is ever kept. Without {@code Idempotency-Key} the call just runs. With one:
 * <ul>
 * <li>first use: the key is claimed, the call runs, and its answer is kept (by
 * {@link IdempotencyFilter}, which sees the final bytes) or the key released;</li>
 * <li>same key and request, finished: the kept answer, with
 * {@code Idempotent-Replayed: true}, and no upstream call;</li>
 * <li>same key, still running: 409; same key, other request: 422; store unreachable: 503
 * — none of them calls upstream or touches the key.</li>
 * </ul>
 * What is kept: every answer upstream gave (success or 4xx), and, for an operation that
 * is not safe to repeat (POST), a result upstream may have acted on without the gateway
 * knowing the outcome. Released: whatever upstream surely did not act on (unreachable,
 * throttled, circuit open, no credentials), and for a PUT every unknown outcome (sending
 * it again is safe).
 */
public final class Idempotency {

	/** Response header of a replayed answer. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	/**
	 * Response header of a replayed answer whose body was too large to keep: the size of
	 * the body the first call answered, not replayed.
	 */
	public static final String BODY_OMITTED_HEADER = "Idempotent-Body-Omitted";

	private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

	private final IdempotencyStore store;

	private final ObjectMapper json;

	private final IdempotencyMetrics metrics;

	Idempotency(IdempotencyStore store, ObjectMapper json, IdempotencyMetrics metrics) {
		this.store = store;
		this.json = json;
		this.metrics = metrics;
	}

	/**
	 * Runs {@code upstreamCall} under the request's {@code Idempotency-Key}, if it has
	 * one.
	 * @param request the call, validated
	 * @param body its validated body (part of the request's fingerprint), or {@code null}
	 * @param upstreamCall calls upstream and relays its answer; an upstream failure is
	 * thrown as the {@link UpstreamException} it is
	 * @return the answer, or the kept answer of an earlier call with the same key
	 */
	public ResponseEntity<byte[]> call(HttpServletRequest request, @Nullable Object body,
			Supplier<ResponseEntity<byte[]>> upstreamCall) {
		KeyedCall call = KeyedCall.of(request);
		if (call == null) {
			return upstreamCall.get();
		}
		String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
				request.getParameterMap(), body == null ? null : json.valueToTree(body));
		Claim claim;
		try {
			claim = store.claim(call.storeKey(), fingerprint, call.owner());
		}
		catch (IdempotencyStoreException ex) {
			log.warn("Idempotency store unavailable; {} with Idempotency-Key answered 503: {}", call.operation(),
					ex.getMessage());
			call.refused();
			metrics.storeError(call.operation(), IdempotencyMetrics.Command.CLAIM);
			metrics.count(call.operation(), IdempotencyMetrics.Outcome.STORE_UNAVAILABLE);
			throw IdempotencyRefusal.storeUnavailable(request, ex);
		}
		if (claim instanceof Claim.Done done) {
			call.replayed();
			metrics.count(call.operation(), IdempotencyMetrics.Outcome.REPLAYED);
			return replay(request, done.answer());
		}
		if (claim instanceof Claim.Running) {
			call.refused();
			metrics.count(call.operation(), IdempotencyMetrics.Outcome.CONFLICT);
			throw IdempotencyRefusal.inProgress(request);
		}
		if (claim instanceof Claim.Mismatch) {
			call.refused();
			metrics.count(call.operation(), IdempotencyMetrics.Outcome.MISMATCH);
			throw IdempotencyRefusal.mismatch(request);
		}
		call.claimed();
		metrics.count(call.operation(), IdempotencyMetrics.Outcome.EXECUTED);
		if (((Claim.Claimed) claim).takenOver() && !call.idempotent()) {
			// The first call may have acted: never send it again under this key.
			call.keep(true);
			throw IdempotencyRefusal.interrupted(request);
		}
		return run(request, call, upstreamCall);
	}

	private static ResponseEntity<byte[]> run(HttpServletRequest request, KeyedCall call,
			Supplier<ResponseEntity<byte[]>> upstreamCall) {
		try {
			ResponseEntity<byte[]> answer = upstreamCall.get();
			call.keep(true);
			return answer;
		}
		catch (UpstreamErrorException answered) {
			int status = answered.response().status();
			boolean throttled = status == 429 || status == 503;
			call.keep(!throttled && !(answered.mayHaveActed() && call.idempotent()));
			throw answered;
		}
		catch (UpstreamException failure) {
			if (failure.mayHaveActed() && !call.idempotent()) {
				call.keep(true);
				throw IdempotencyRefusal.unknownOutcome(request, failure);
			}
			throw failure;
		}
	}

	private static ResponseEntity<byte[]> replay(HttpServletRequest request, StoredAnswer answer) {
		// What the caller is answered, for the audit trail.
		CallContext call = CallContext.of(request);
		call.replayed(answer.requestId());
		if (answer.errorCode() != null) {
			call.errorCode(answer.errorCode());
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.status()).header(REPLAYED_HEADER, "true");
		if (answer.bodyOmitted()) {
			// The outcome (status, upstream's request id) is known, the body is not: say
			// so rather than replay an empty or invented one as if it were the answer.
			builder.header(BODY_OMITTED_HEADER, Integer.toString(answer.omittedBodyBytes()));
		}
		else if (answer.contentType() != null) {
			builder.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
		}
		if (answer.upstreamRequestId() != null) {
			builder.header(UpstreamRelay.UPSTREAM_REQUEST_ID, answer.upstreamRequestId());
		}
		return answer.body().length > 0 ? builder.body(answer.body()) : builder.build();
	}

}
