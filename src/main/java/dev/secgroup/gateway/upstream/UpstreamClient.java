package dev.secgroup.gateway.upstream;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLHandshakeException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.netty.handler.timeout.ReadTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The resilient adapter of one upstream service: builds the URI, authenticates each
 * attempt, sends the exact bytes, and applies the retry table and the circuit breaker of
 * the call's region ({@link RegionCircuitBreakers}) of docs/architecture.md. Never
 * blocks: callers get a {@link Mono}.
 */
public final class UpstreamClient {

	private static final byte[] EMPTY = new byte[0];

	private static final String USER_AGENT = "secgroup-gateway";

	/**
	 * Request attribute naming the upstream ({@code vpc}, {@code hss}, {@code iam}) of
	 * every WebClient request, for observation conventions: a low-cardinality name, where
	 * the host varies with the region.
	 */
	public static final String UPSTREAM_ATTRIBUTE = UpstreamClient.class.getName() + ".upstream";

	/**
	 * The attribute WebClient reads the URI template of its {@code http.client.requests}
	 * observation from (private in Spring's DefaultWebClient). Set to the operation's
	 * path template: the URI itself is built and encoded here, so WebClient never sees a
	 * template.
	 */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final String name;

	private final WebClient webClient;

	private final UpstreamEndpoints endpoints;

	private final UpstreamAuthenticator authenticator;

	private final RegionCircuitBreakers breakers;

	private final Retry retry;

	private final Duration deadline;

	private final UpstreamErrorDecoder errorDecoder;

	private final Clock clock;

	private final UpstreamTimeouts timeouts;

	private final UpstreamQuota quota;

	private final Duration responseTimeout;

	UpstreamClient(String name, WebClient webClient, UpstreamEndpoints endpoints, UpstreamAuthenticator authenticator,
			RegionCircuitBreakers breakers, Retry retry, Duration deadline, UpstreamErrorDecoder errorDecoder,
			Clock clock, UpstreamTimeouts timeouts, UpstreamQuota quota, Duration responseTimeout) {
		this.name = name;
		this.webClient = webClient;
		this.endpoints = endpoints;
		this.authenticator = authenticator;
		this.breakers = breakers;
		this.retry = retry;
		this.deadline = deadline;
		this.errorDecoder = errorDecoder;
		this.clock = clock;
		this.timeouts = timeouts;
		this.quota = quota;
		this.responseTimeout = responseTimeout;
	}

	/** The upstream's name ({@code vpc}, {@code hss}, {@code iam}). */
	public String name() {
		return name;
	}

	/**
	 * Sends the request. Completes with upstream's 1xx-3xx answer; fails with an
	 * {@link UpstreamException} for an error answer (after retries), an unreachable or
	 * slow upstream, an open circuit, or a full connection pool. Carries the trace and
	 * request id of the thread that subscribes (the caller's) in Reactor's context.
	 */
	public Mono<UpstreamResponse> exchange(UpstreamRequest request) {
		String region = endpoints.regionOf(request);
		Call call = new Call(request, endpoints.resolve(request, region), breakers.of(region), quota.call(name),
				System.nanoTime());
		return Mono.defer(() -> attempt(call))
			.doOnError(AttemptFailure.class, call::failed)
			.transformDeferred(CircuitBreakerOperator.of(call.breaker.circuitBreaker()))
			.transformDeferred(RetryOperator.of(retry))
			.timeout(deadline, Mono.error(() -> {
				timeouts.deadline();
				return new UpstreamTimeoutException(name, "deadline of " + deadline + " reached", call.attempts.get(),
						null, call.mayHaveActed());
			}))
			.onErrorMap(UpstreamCredentialsException.class, error -> error.withAttempts(call.attempts.get()))
			.onErrorMap(error -> !(error instanceof UpstreamException), error -> toUpstreamException(error, call))
			.map(response -> response.withAttempts(call.attempts.get()))
			.flatMap(response -> response.status() >= 400
					? Mono.error(new UpstreamErrorException(name, response, errorDecoder.decode(response)))
					: Mono.just(response))
			// The subscriber's trace and request id go with the call in Reactor's context
			// (context-propagation=limited restores no thread-local by itself): every
			// attempt's WebClient observation is a child of the caller's, so the caller's
			// trace goes upstream whichever thread sends it.
			.contextCapture();
	}

	private Mono<UpstreamResponse> attempt(Call call) {
		HttpHeaders headers = baseHeaders(call.request);
		var outgoing = new UpstreamAuthenticator.OutgoingRequest(name, call.request.method(), call.uri, call.request,
				headers);
		return send(outgoing, call).flatMap(sent -> {
			if (sent.response().status() == 401 && call.refreshed.compareAndSet(false, true)
					&& authenticator.refreshAfterUnauthorized(outgoing, sent.headers())) {
				// One fresh credential, once per call: a token may have been revoked
				// while cached.
				// A refused fresh one is answered, never retried in a loop.
				return send(outgoing, call);
			}
			return Mono.just(sent);
		}).flatMap(sent -> classify(sent.response(), call));
	}

	private Mono<Sent> send(UpstreamAuthenticator.OutgoingRequest outgoing, Call call) {
		// Every attempt waits for its turn in the quota before it is signed and sent.
		return call.quota.acquire(longestWait(call)).then(authenticator.authenticate(outgoing)).flatMap(headers -> {
			// Counted once credentials are had: an attempt refused for want of them sent
			// nothing.
			call.attempts.incrementAndGet();
			call.sending.set(true);
			return webClient.method(outgoing.method())
				.uri(outgoing.uri())
				.attribute(UPSTREAM_ATTRIBUTE, name)
				.attribute(URI_TEMPLATE_ATTRIBUTE, outgoing.request().pathTemplate())
				.headers(h -> h.addAll(headers))
				.httpRequest(AsciiRequestHeaders::move)
				.bodyValue(outgoing.request().body())
				.exchangeToMono(this::read)
				.map(response -> new Sent(response, headers));
		}).onErrorMap(UpstreamClient::poolFull, error -> {
			// Refused by the gateway's own pool: nothing was sent.
			call.ended(false);
			return new UpstreamBusyException(name, call.attempts.decrementAndGet(), error);
		})
			.doOnNext(sent -> call.ended(sent.response().status() >= 500 && sent.response().status() != 503))
			.onErrorMap(error -> !(error instanceof UpstreamException),
					error -> timeouts.attempt(call.attemptFailed(classify(error, outgoing.request().idempotent()))));
	}

	private Mono<UpstreamResponse> read(ClientResponse response) {
		HttpHeaders headers = HttpHeaders.copyOf(response.headers().asHttpHeaders());
		int status = response.statusCode().value();
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.map(body -> new UpstreamResponse(status, headers, body, 0));
	}

	private HttpHeaders baseHeaders(UpstreamRequest request) {
		HttpHeaders headers = new HttpHeaders();
		if (request.body().length > 0) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
		if (request.requestId() != null) {
			headers.set(UpstreamHeaders.REQUEST_ID, request.requestId());
		}
		request.headers().forEach(headers::put);
		return headers;
	}

	/**
	 * How long an attempt may wait for its turn: what is left of the call's deadline,
	 * less one response timeout, so that a call that waited can still be answered.
	 */
	private Duration longestWait(Call call) {
		Duration left = deadline.minusNanos(System.nanoTime() - call.startNanos).minus(responseTimeout);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private Mono<UpstreamResponse> classify(UpstreamResponse response, Call call) {
		boolean idempotent = call.request.idempotent();
		int status = response.status();
		if (status == 429 || status == 503) {
			Duration retryAfter = RetryAfter.parse(response.headers().getFirst(HttpHeaders.RETRY_AFTER), clock)
				.orElse(null);
			Mono<UpstreamResponse> failure = Mono
				.error(new AttemptFailure(AttemptFailure.Kind.THROTTLED, idempotent, retryAfter, response, null));
			// Upstream throttles the gateway as a whole: every replica holds back.
			return status == 429 ? call.quota.throttled(retryAfter).then(failure) : failure;
		}
		if (status == 500 || status == 502 || status == 504) {
			return Mono.error(new AttemptFailure(AttemptFailure.Kind.SERVER_ERROR, idempotent, null, response, null));
		}
		return Mono.just(response);
	}

	static AttemptFailure classify(Throwable error, boolean idempotent) {
		if (error instanceof AttemptFailure failure) {
			return failure;
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof io.netty.channel.ConnectTimeoutException
					|| cause instanceof UnknownHostException || cause instanceof SSLHandshakeException) {
				return new AttemptFailure(AttemptFailure.Kind.CONNECT, idempotent, null, null, error);
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
				return new AttemptFailure(AttemptFailure.Kind.TIMEOUT, idempotent, null, null, error);
			}
			if (cause instanceof PrematureCloseException) {
				return new AttemptFailure(AttemptFailure.Kind.RESET, idempotent, null, null, error);
			}
		}
		return new AttemptFailure(AttemptFailure.Kind.RESET, idempotent, null, null, error);
	}

	/**
	 * Whether reactor-netty refused to lend a connection: the pool's waiting line is full
	 * ({@code PoolAcquirePendingLimitException}) or none was freed in time
	 * ({@code PoolAcquireTimeoutException}); both live in a shaded package.
	 */
	static boolean poolFull(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
				return true;
			}
		}
		return false;
	}

	private UpstreamException toUpstreamException(Throwable error, Call call) {
		int count = call.attempts.get();
		if (error instanceof CallNotPermittedException open) {
			AttemptFailure last = call.lastFailure;
			if (last == null) {
				return new UpstreamCircuitOpenException(name, call.breaker.openPeriod().remaining(), count, open);
			}
			// The circuit opened during this call's retries: answer what upstream said.
			error = last;
		}
		AttemptFailure failure = classify(error, false);
		return switch (failure.kind()) {
			case THROTTLED, SERVER_ERROR -> {
				UpstreamResponse response = failure.response().withAttempts(count);
				yield new UpstreamErrorException(name, response, errorDecoder.decode(response));
			}
			case TIMEOUT ->
				new UpstreamTimeoutException(name, "no answer within the response timeout", count, error, true);
			case CONNECT -> new UpstreamUnavailableException(name, "cannot connect", count, error, call.mayHaveActed());
			case RESET -> new UpstreamUnavailableException(name, "connection closed before a complete answer", count,
					error, true);
		};
	}

	/**
	 * One call: its request, URI, requests sent so far, whether its one refresh is used,
	 * how its latest attempt failed, its quota and when it started.
	 */
	private static final class Call {

		private final UpstreamRequest request;

		private final URI uri;

		private final AtomicInteger attempts = new AtomicInteger();

		private final AtomicBoolean refreshed = new AtomicBoolean();

		/** An attempt is on its way: upstream may be acting on it right now. */
		private final AtomicBoolean sending = new AtomicBoolean();

		/** An attempt ended without a definitive answer after it may have been sent. */
		private final AtomicBoolean maybeActed = new AtomicBoolean();

		/** The failure of the latest attempt, to answer with if no attempt follows. */
		private volatile @Nullable AttemptFailure lastFailure;

		/** The circuit breaker of the region the call goes to. */
		private final RegionCircuitBreakers.Breaker breaker;

		private final UpstreamQuota.Call quota;

		private final long startNanos;

		Call(UpstreamRequest request, URI uri, RegionCircuitBreakers.Breaker breaker, UpstreamQuota.Call quota,
				long startNanos) {
			this.request = request;
			this.uri = uri;
			this.breaker = breaker;
			this.quota = quota;
			this.startNanos = startNanos;
		}

		void ended(boolean outcomeUnknown) {
			sending.set(false);
			if (outcomeUnknown) {
				maybeActed.set(true);
			}
		}

		AttemptFailure attemptFailed(AttemptFailure failure) {
			ended(failure.kind() == AttemptFailure.Kind.TIMEOUT || failure.kind() == AttemptFailure.Kind.RESET);
			return failure;
		}

		/**
		 * Whether upstream may have acted on an attempt of this call without the gateway
		 * knowing the result.
		 */
		boolean mayHaveActed() {
			return sending.get() || maybeActed.get();
		}

		void failed(AttemptFailure failure) {
			this.lastFailure = failure;
		}

	}

	/** Upstream's answer and the headers the request carried (credentials included). */
	private record Sent(UpstreamResponse response, HttpHeaders headers) {
	}

}
