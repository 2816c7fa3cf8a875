package dev.secgroup.gateway.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A 400's violations come in one order whatever order Bean Validation found them in. */
class ProblemsInvalidTest {

	@Test
	void violationsAreOrderedByFieldThenMessageInTheListAndTheMessage() {
		List<Violation> found = List.of(new Violation("port.security_groups", "size must be between 1 and 100"),
				new Violation("port.index", "must be greater than or equal to 0"),
				new Violation("port.index", "is also wrong"));

		ProblemDetail problem = Problems.invalid(found, new MockHttpServletRequest("PUT", "/v3/p/ports/x"));
		ProblemDetail reversed = Problems.invalid(List.of(found.get(2), found.get(1), found.get(0)),
				new MockHttpServletRequest("PUT", "/v3/p/ports/x"));

		assertThat(problem.getProperties()).extractingByKey("violations")
			.isEqualTo(List.of(new Violation("port.index", "is also wrong"),
					new Violation("port.index", "must be greater than or equal to 0"),
					new Violation("port.security_groups", "size must be between 1 and 100")));
		assertThat(problem.getDetail()).isEqualTo("The request is invalid; nothing was sent upstream: "
				+ "port.index is also wrong; port.index must be greater than or equal to 0; "
				+ "port.security_groups size must be between 1 and 100.");
		assertThat(reversed.getDetail()).isEqualTo(problem.getDetail());
		assertThat(reversed.getProperties()).extractingByKey("violations")
			.isEqualTo(problem.getProperties().get("violations"));
	}

}
