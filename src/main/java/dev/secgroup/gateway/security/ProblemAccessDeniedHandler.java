package dev.secgroup.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.ProblemWriter;
import dev.secgroup.gateway.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 403 problem+json for a known caller outside its grant, naming what was refused: the
 * client, the operation and the project ({@code operation} and {@code project_id}
 * members, and the detail).
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemWriter problems;

	ProblemAccessDeniedHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (denied instanceof AuthorizationDeniedException authorization
				&& authorization.getAuthorizationResult() instanceof GrantDecision decision) {
			ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
					decision.reason() + " Nothing was sent upstream.", request);
			problem.setProperty("client", decision.client());
			problem.setProperty("operation", decision.operation());
			problem.setProperty("project_id", decision.projectId());
			problems.write(request, response, problem);
			return;
		}
		problems.write(request, response, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
				"The client is not allowed to do this.");
	}

}
