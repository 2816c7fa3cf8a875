package dev.secgroup.gateway.idempotency;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.web.ProblemWriter;
import dev.secgroup.gateway.web.Problems;
import dev.secgroup.gateway.web.UpstreamRelay;
import dev.secgroup.gateway.web.Violation;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The outer half of the idempotency step, after authentication and authorization: checks
 * the {@code Idempotency-Key} header of a mirrored call (400 naming the header when it is
 * malformed, or missing on an operation of {@code gateway.idempotency.required-for}),
 * scopes it to (client, operation, key), and holds the call's answer in a buffer. When
 * the call ends, the answer of a call that claimed its key (in {@link Idempotency}) is
 * kept byte for byte (without its body when that is larger than
 * {@code gateway.idempotency.max-stored-body-size}), or the key released.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	/** Scope of calls made without an authenticated client (security mode none). */
	private static final String NO_CLIENT = "";

	private final IdempotencyStore store;

	private final Set<String> requiredFor;

	private final long maxStoredBodyBytes;

	private final ProblemWriter problems;

	private final IdempotencyMetrics metrics;

	IdempotencyFilter(IdempotencyStore store, Set<String> requiredFor, DataSize maxStoredBodySize,
			ProblemWriter problems, IdempotencyMetrics metrics) {
		this.store = store;
		this.requiredFor = Set.copyOf(requiredFor);
		this.maxStoredBodyBytes = maxStoredBodySize.toBytes();
		this.problems = problems;
		this.metrics = metrics;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallContext context = CallContext.of(request);
		MirroredOperation mirrored = context.operation();
		if (mirrored == null) {
			chain.doFilter(request, response);
			return;
		}
		String operation = mirrored.name();
		List<String> fields = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
		if (fields.isEmpty()) {
			if (requiredFor.contains(operation)) {
				invalid(request, response, "is required for " + operation + ": " + IdempotencyKey.RULE);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		IdempotencyKey key;
		try {
			key = IdempotencyKey.parse(fields);
		}
		catch (IllegalArgumentException malformed) {
			invalid(request, response, malformed.getMessage());
			return;
		}
		KeyedCall call = new KeyedCall(operation, mirrored.idempotent(), storeKey(operation, context.client(), key),
				UUID.randomUUID().toString());
		call.attachTo(request);
		ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, buffer);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// Escaped every handler: nothing upstream said is known here.
			call.keep(false);
			end(request, call, buffer);
			throw ex;
		}
		end(request, call, buffer);
		buffer.copyBodyToResponse();
	}

	private void invalid(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		problems.write(request, response,
				Problems.invalid(List.of(new Violation(IdempotencyKey.HEADER, message)), request));
	}

	/**
	 * The store's key: the operation and a hash of client and key, so that it names
	 * neither (a key may be guessable, a client name is not the store's business) and two
	 * clients never meet.
	 */
	private static String storeKey(String operation, @Nullable String client, IdempotencyKey key) {
		return "idempotency:" + operation + ":"
				+ RequestFingerprint.sha256((client != null ? client : NO_CLIENT) + "\n" + key.value());
	}

	private void end(HttpServletRequest request, KeyedCall call, ContentCachingResponseWrapper buffer) {
		if (call.state() != KeyedCall.State.CLAIMED) {
			return;
		}
		if (call.keep()) {
			complete(request, call, buffer);
		}
		else {
			release(call);
		}
	}

	private void complete(HttpServletRequest request, KeyedCall call, ContentCachingResponseWrapper buffer) {
		CallContext context = CallContext.of(request);
		int status = buffer.getStatus();
		StoredAnswer answer = new StoredAnswer(status, buffer.getContentType(),
				buffer.getHeader(UpstreamRelay.UPSTREAM_REQUEST_ID), status >= 400 ? context.errorCode() : null,
				context.requestId(), buffer.getContentAsByteArray())
			.withBodyAtMost(maxStoredBodyBytes);
		if (answer.bodyOmitted()) {
			log.warn(
					"Answer of {} with Idempotency-Key kept without its body ({} bytes, more than "
							+ "gateway.idempotency.max-stored-body-size): a replay answers its status without a body",
					call.operation(), answer.omittedBodyBytes());
		}
		try {
			if (!store.complete(call.storeKey(), call.owner(), answer)) {
				log.warn("{} with Idempotency-Key outlived its lease and another call took the key over; "
						+ "its answer is not kept", call.operation());
			}
		}
		catch (IdempotencyStoreException ex) {
			metrics.storeError(call.operation(), IdempotencyMetrics.Command.COMPLETE);
			log.error("Answer of {} with Idempotency-Key could not be kept; the key stays claimed until its lease "
					+ "runs out: {}", call.operation(), ex.getMessage());
		}
	}

	private void release(KeyedCall call) {
		try {
			store.release(call.storeKey(), call.owner());
		}
		catch (IdempotencyStoreException ex) {
			metrics.storeError(call.operation(), IdempotencyMetrics.Command.RELEASE);
			log.error("Idempotency-Key of {} could not be released; it stays claimed until its lease runs out: {}",
					call.operation(), ex.getMessage());
		}
	}

}
