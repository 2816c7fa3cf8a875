package dev.secgroup.gateway.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the gateway's problem+json (RFC 9457 plus the Huawei-style members of
 * docs/architecture.md: {@code error_code}, {@code error_msg}, {@code request_id},
 * {@code upstream_request_id}, {@code violations}), the same way for every error, own or
 * upstream.
 */
public final class Problems {

	private static final Comparator<Violation> BY_FIELD = Comparator.comparing(Violation::field)
		.thenComparing(Violation::message);

	private Problems() {
	}

	/** A problem for {@code status} with the gateway's or upstream's code and message. */
	public static ProblemDetail of(HttpStatusCode status, String errorCode, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
		if (request != null) {
			problem.setInstance(instance(request));
			problem.setProperty("request_id", CallContext.of(request).requestId());
		}
		problem.setProperty("error_code", errorCode);
		problem.setProperty("error_msg", detail);
		remember(errorCode, request);
		return problem;
	}

	/**
	 * A 400 listing every invalid field, in {@code violations} and in the message too:
	 * the Huawei SDKs show callers only {@code error_msg}. Violations are ordered by
	 * field, then message: Bean Validation reports them in no fixed order, and the same
	 * request must get the same answer.
	 */
	public static ProblemDetail invalid(List<Violation> unordered, HttpServletRequest request) {
		List<Violation> violations = unordered.stream().sorted(BY_FIELD).toList();
		StringBuilder detail = new StringBuilder("The request is invalid; nothing was sent upstream: ");
		for (int i = 0; i < violations.size(); i++) {
			Violation violation = violations.get(i);
			detail.append(i == 0 ? "" : "; ").append(violation.field()).append(' ').append(violation.message());
		}
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION, detail.append('.').toString(),
				request);
		problem.setProperty("violations", violations);
		return problem;
	}

	/**
	 * Fills the gateway members into a problem made elsewhere (Spring's own exceptions).
	 */
	public static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
		if (problem.getProperties() == null || !problem.getProperties().containsKey("error_code")) {
			problem.setProperty("error_code", ErrorCodes.forStatus(problem.getStatus()));
		}
		if (problem.getProperties() == null || !problem.getProperties().containsKey("error_msg")) {
			problem.setProperty("error_msg", problem.getDetail() != null ? problem.getDetail() : problem.getTitle());
		}
		if (request != null) {
			problem.setProperty("request_id", CallContext.of(request).requestId());
			if (problem.getInstance() == null) {
				problem.setInstance(instance(request));
			}
		}
		remember(String.valueOf(problem.getProperties().get("error_code")), request);
		return problem;
	}

	/**
	 * Records the code in the call's context: what the caller was answered, for the audit
	 * event.
	 */
	private static void remember(String errorCode, HttpServletRequest request) {
		if (request != null) {
			CallContext.of(request).errorCode(errorCode);
		}
	}

	private static URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException unparseable) {
			return null;
		}
	}

}
