package dev.secgroup.gateway.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;

/**
 * Writes an error answer from places outside Spring MVC's exception handling (servlet
 * filters, Spring Security's handlers): the gateway's problem body, as
 * {@code application/json} or {@code application/problem+json} as
 * {@link ProblemMediaType} negotiates.
 */
@Component
public class ProblemWriter {

	private final ObjectMapper json;

	ProblemWriter(ObjectMapper json) {
		// Spring's message converter flattens ProblemDetail properties with this mix-in;
		// do the same.
		this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
	}

	/** Writes a gateway problem as the whole response. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String errorCode,
			String detail) throws IOException {
		write(request, response, Problems.of(status, errorCode, detail, request));
	}

	/** Writes the given problem as the whole response. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(ProblemMediaType.of(request).toString());
		json.writeValue(response.getOutputStream(), problem);
	}

}
