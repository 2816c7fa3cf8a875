package dev.secgroup.gateway.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.web.ProblemWriter;
import dev.secgroup.gateway.web.Problems;
import dev.secgroup.gateway.web.Violation;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall ({@code StrictHttpFirewall}, kept at its defaults) refuses
 * URLs with an encoded {@code /}, {@code %}, {@code .}, {@code ;}, a backslash, a control
 * character or a dot segment. Its own answer is a bare 400; this one is problem+json like
 * every other 400, and for a mirrored operation names the path values that hold the
 * refused characters. Nothing is sent upstream.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

	private static final String MESSAGE = "must not contain an encoded '/', '%', '.' or ';', a backslash, a control "
			+ "character, or be '.' or '..'";

	private final ProblemWriter problems;

	ProblemRequestRejectedHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		List<Violation> violations = new ArrayList<>();
		CallContext.of(request).variables().forEach((name, value) -> {
			if (suspicious(value)) {
				violations.add(new Violation(name, MESSAGE));
			}
		});
		if (violations.isEmpty()) {
			violations.add(new Violation("url", "the request URL " + MESSAGE));
		}
		violations.sort((a, b) -> a.field().compareTo(b.field()));
		problems.write(response, Problems.invalid(violations, request));
	}

	/** A decoded path value that can only have come from what the firewall refuses. */
	private static boolean suspicious(String value) {
		if (value.equals(".") || value.equals("..")) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '/' || c == '%' || c == ';' || c == '\\' || Character.isISOControl(c) || c == '\u2028'
					|| c == '\u2029') {
				return true;
			}
		}
		return false;
	}

}
