package dev.secgroup.gateway.security;

import dev.secgroup.gateway.web.ErrorCodes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request names a resource outside the calling client's grant: answered 403
 * problem+json ({@code GW.0403}) naming the client, the field and the refused value, by
 * the application's exception handling (so that the answer is audited like any other).
 */
public final class ResourceNotGrantedException extends ErrorResponseException {

	ResourceNotGrantedException(String client, String kind, String field, String value) {
		super(HttpStatus.FORBIDDEN, problem(client, kind, field, value), null);
	}

	private static ProblemDetail problem(String client, String kind, String field, String value) {
		String detail = "Client '" + client + "' is not granted " + kind + " '" + value + "' (" + field
				+ "). Nothing was sent upstream.";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
		problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
		problem.setProperty("error_code", ErrorCodes.FORBIDDEN);
		problem.setProperty("error_msg", detail);
		problem.setProperty("client", client);
		problem.setProperty("field", field);
		problem.setProperty("value", value);
		return problem;
	}

}
