package dev.secgroup.gateway.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.upstream.UpstreamBusyException;
import dev.secgroup.gateway.upstream.UpstreamCircuitOpenException;
import dev.secgroup.gateway.upstream.UpstreamCredentialsException;
import dev.secgroup.gateway.upstream.UpstreamError;
import dev.secgroup.gateway.upstream.UpstreamErrorException;
import dev.secgroup.gateway.upstream.UpstreamQuotaExceededException;
import dev.secgroup.gateway.upstream.UpstreamTimeoutException;
import dev.secgroup.gateway.upstream.UpstreamUnavailableException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error becomes the gateway's problem body (docs/architecture.md "Errors"), as
 * {@code application/json} unless the caller prefers {@code application/problem+json}
 * (chosen for every handler here by {@link ProblemContentTypeResolver}, so a handler
 * names no Content-Type): invalid input names each bad field, upstream errors keep
 * upstream's status, code and request id, and nothing internal (stack traces, class
 * names, exception messages) reaches the caller.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			Problems.complete(problem, servletRequest(request));
		}
		return response;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = new ArrayList<>();
		ex.getBindingResult().getAllErrors().forEach(error -> violations.add(bodyViolation(error)));
		return invalid(violations, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Violation> violations = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			if (result instanceof org.springframework.validation.method.ParameterErrors errors) {
				errors.getAllErrors().forEach(error -> violations.add(bodyViolation(error)));
			}
			else {
				String name = ParameterNames.of(result.getMethodParameter());
				for (MessageSourceResolvable error : result.getResolvableErrors()) {
					violations.add(new Violation(name, error.getDefaultMessage()));
				}
			}
		});
		return invalid(violations, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		if (causedBy(ex, PayloadTooLargeException.class)) {
			ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
					"The request body is too large.", servletRequest);
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.headers(h -> h.set("Connection", "close"))
				.body(problem);
		}
		return invalid(List.of(JsonViolations.of(ex)), request);
	}

	@ExceptionHandler(StrictQueryInterceptor.InvalidQueryException.class)
	ResponseEntity<ProblemDetail> invalidQuery(StrictQueryInterceptor.InvalidQueryException ex,
			HttpServletRequest request) {
		return ResponseEntity.badRequest().body(Problems.invalid(ex.violations(), request));
	}

	@ExceptionHandler(UpstreamErrorException.class)
	ResponseEntity<ProblemDetail> upstreamError(UpstreamErrorException ex, HttpServletRequest request) {
		int upstreamStatus = ex.response().status();
		UpstreamError error = ex.error();
		// An upstream 4xx is the caller's to see as is; an upstream 5xx is the gateway's
		// failed dependency.
		HttpStatusCode status = upstreamStatus >= 500 ? HttpStatus.BAD_GATEWAY : HttpStatusCode.valueOf(upstreamStatus);
		String message = error.message() != null ? error.message()
				: ex.upstream() + " answered HTTP " + upstreamStatus + " without an error message.";
		String code = error.code() != null ? error.code() : ErrorCodes.forStatus(status.value());
		ProblemDetail problem = Problems.of(status, code, message, request);
		problem.setProperty("upstream", ex.upstream());
		problem.setProperty("upstream_status", upstreamStatus);
		if (error.requestId() != null) {
			problem.setProperty("upstream_request_id", error.requestId());
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
		// As on the success path (UpstreamRelay): support cases with Huawei quote it.
		if (ex.response().upstreamRequestId() != null) {
			builder.header(UpstreamRelay.UPSTREAM_REQUEST_ID, ex.response().upstreamRequestId());
		}
		String retryAfter = ex.response().headers().getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null && (upstreamStatus == 429 || upstreamStatus == 503)) {
			builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return builder.body(problem);
	}

	@ExceptionHandler(UpstreamUnavailableException.class)
	ResponseEntity<ProblemDetail> upstreamUnavailable(UpstreamUnavailableException ex, HttpServletRequest request) {
		log.warn("{} after {} attempt(s)", ex.getMessage(), ex.attempts());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(upstreamProblem(HttpStatus.BAD_GATEWAY, ErrorCodes.UPSTREAM_ERROR,
					"The " + ex.upstream() + " service could not be reached.", ex.upstream(), request));
	}

	@ExceptionHandler(UpstreamTimeoutException.class)
	ResponseEntity<ProblemDetail> upstreamTimeout(UpstreamTimeoutException ex, HttpServletRequest request) {
		log.warn("{} after {} attempt(s)", ex.getMessage(), ex.attempts());
		return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
			.body(upstreamProblem(HttpStatus.GATEWAY_TIMEOUT, ErrorCodes.UPSTREAM_TIMEOUT,
					"The " + ex.upstream() + " service did not answer in time.", ex.upstream(), request));
	}

	/**
	 * The upstream's quota is spent for this call: answered at once (not after waiting),
	 * nothing was sent upstream.
	 */
	@ExceptionHandler(UpstreamQuotaExceededException.class)
	ResponseEntity<ProblemDetail> quotaExceeded(UpstreamQuotaExceededException ex, HttpServletRequest request) {
		String detail = switch (ex.reason()) {
			case QUOTA -> "The " + ex.upstream() + " quota (" + ex.requests() + " calls per " + ex.per().toSeconds()
					+ " s, shared by every caller) has no turn free in time; nothing was sent upstream.";
			case WAITING -> "Too many of your calls to " + ex.upstream()
					+ " are already waiting for their turn; nothing was sent upstream.";
			case PAUSED -> ex.upstream() + " asked the gateway to slow down (429) and every replica holds back "
					+ "longer than this call may wait; nothing was sent upstream.";
		};
		ProblemDetail problem = RateLimitHeaders.problem(ex.upstream(), detail, request);
		problem.setProperty("upstream", ex.upstream());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.headers(ex.requests() > 0
					? RateLimitHeaders.refused(ex.upstream(), ex.requests(), ex.per(), ex.retryAfter())
					: RateLimitHeaders.retryAfter(ex.retryAfter()))
			.body(problem);
	}

	@ExceptionHandler(UpstreamCircuitOpenException.class)
	ResponseEntity<ProblemDetail> circuitOpen(UpstreamCircuitOpenException ex, HttpServletRequest request) {
		long seconds = Math.max(1, ceilSeconds(ex.retryAfter()));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(upstreamProblem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.UPSTREAM_UNAVAILABLE,
					"The " + ex.upstream() + " service is failing; calls are suspended. Retry after " + seconds + " s.",
					ex.upstream(), request));
	}

	/**
	 * The gateway's own connection pool to the upstream is full: nothing was sent, and
	 * the upstream is not blamed (no circuit-breaker failure). 503 with a short
	 * {@code Retry-After}.
	 */
	@ExceptionHandler(UpstreamBusyException.class)
	ResponseEntity<ProblemDetail> upstreamBusy(UpstreamBusyException ex, HttpServletRequest request) {
		long seconds = Math.max(1, ceilSeconds(ex.retryAfter()));
		log.warn("{}: call refused without sending", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(upstreamProblem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.UPSTREAM_UNAVAILABLE,
					"The gateway's connections to the " + ex.upstream()
							+ " service are all busy; nothing was sent. Retry after " + seconds + " s.",
					ex.upstream(), request));
	}

	/**
	 * The gateway could not prove itself upstream: the caller's token to pass through is
	 * missing (401), or IAM did not issue one (502/503, with IAM's status, code and
	 * request id). Nothing was sent to the called upstream by the failing attempt.
	 */
	@ExceptionHandler(UpstreamCredentialsException.class)
	ResponseEntity<ProblemDetail> credentials(UpstreamCredentialsException ex, HttpServletRequest request) {
		HttpStatus status = switch (ex.reason()) {
			case CALLER_TOKEN_MISSING -> HttpStatus.UNAUTHORIZED;
			case IAM_REFUSED, IAM_INVALID_ANSWER -> HttpStatus.BAD_GATEWAY;
			case IAM_UNAVAILABLE, ID_TOKEN_UNREADABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
		String code = switch (ex.reason()) {
			case CALLER_TOKEN_MISSING -> ErrorCodes.UNAUTHENTICATED;
			case IAM_REFUSED -> ErrorCodes.IAM_REFUSED;
			case IAM_UNAVAILABLE -> ErrorCodes.IAM_UNAVAILABLE;
			case IAM_INVALID_ANSWER -> ErrorCodes.IAM_INVALID_ANSWER;
			case ID_TOKEN_UNREADABLE -> ErrorCodes.ID_TOKEN_UNREADABLE;
		};
		// IAM's own error text ("user is locked"...) and file paths stay in the log; the
		// caller gets IAM's code and request id to quote (review A16).
		String detail = switch (ex.reason()) {
			case CALLER_TOKEN_MISSING -> ex.getMessage();
			case IAM_REFUSED -> "IAM refused to issue a token for the gateway's credentials; quote upstream_error_code "
					+ "and upstream_request_id when reporting this.";
			case IAM_UNAVAILABLE -> "IAM could not issue a token for this call now; try again later.";
			case IAM_INVALID_ANSWER -> "IAM answered without a usable token.";
			case ID_TOKEN_UNREADABLE -> "The gateway's own identity token for IAM could not be read.";
		};
		if (ex.reason() != UpstreamCredentialsException.Reason.CALLER_TOKEN_MISSING) {
			log.warn("Upstream credentials not obtained ({}): {}", ex.reason(), ex.getMessage());
		}
		ProblemDetail problem = upstreamProblem(status, code, detail, ex.upstream(), request);
		if (ex.iamStatus() != null) {
			problem.setProperty("upstream_status", ex.iamStatus());
		}
		UpstreamError iamError = ex.iamError();
		if (iamError != null && iamError.code() != null) {
			problem.setProperty("upstream_error_code", iamError.code());
		}
		if (iamError != null && iamError.requestId() != null) {
			problem.setProperty("upstream_request_id", iamError.requestId());
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
		if (ex.retryAfter() != null) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, ceilSeconds(ex.retryAfter()))));
		}
		return builder.body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error", ex);
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL,
					"The gateway failed unexpectedly. Quote the request id when reporting this.", request));
	}

	private static ProblemDetail upstreamProblem(HttpStatus status, String code, String detail, String upstream,
			HttpServletRequest request) {
		ProblemDetail problem = Problems.of(status, code, detail, request);
		problem.setProperty("upstream", upstream);
		return problem;
	}

	private ResponseEntity<Object> invalid(List<Violation> violations, WebRequest request) {
		return ResponseEntity.badRequest().body(Problems.invalid(violations, servletRequest(request)));
	}

	private static Violation bodyViolation(ObjectError error) {
		String field = error instanceof FieldError fieldError ? JsonNames.path(fieldError.getField()) : "body";
		return new Violation(field, error.getDefaultMessage());
	}

	private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static long ceilSeconds(Duration duration) {
		return (duration.toMillis() + 999) / 1000;
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return request instanceof NativeWebRequest nativeRequest
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

}
