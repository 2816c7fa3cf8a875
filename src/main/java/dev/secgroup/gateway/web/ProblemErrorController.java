package dev.secgroup.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's error page: whatever fails before or outside Spring MVC (a servlet
 * filter, the container) is still answered with the gateway's problem body (JSON or
 * problem+json, see {@link ProblemMediaType}), never an HTML page or a stack trace.
 * Hidden from the OpenAPI document: it is not an operation callers may use.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value && value >= 400 ? value : 500;
		HttpStatus known = HttpStatus.resolve(status);
		String detail = known != null ? known.getReasonPhrase() : "Error";
		return ResponseEntity.status(status)
			.contentType(ProblemMediaType.of(request))
			.body(Problems.of(HttpStatusCode.valueOf(status), ErrorCodes.forStatus(status), detail, request));
	}

}
