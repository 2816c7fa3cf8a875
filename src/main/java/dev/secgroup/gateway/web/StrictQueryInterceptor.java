package dev.secgroup.gateway.web;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriUtils;

/**
 * Query strings of mirrored operations are as strict as their JSON bodies: a parameter
 * the handler does not declare ({@code @RequestParam}), or one given twice, is refused
 * with 400 naming it, before the handler runs, so nothing is sent upstream. Without this,
 * an unknown parameter would be dropped silently and the call made anyway.
 * <p>
 * Only the raw query string is read, never {@code getParameter()}, which would parse a
 * form body too.
 */
final class StrictQueryInterceptor implements HandlerInterceptor {

	private static final int MAX_NAME = 64;

	/**
	 * The declared parameters of each handler method, read once: a handler's annotations
	 * do not change, and reading them costs reflection on every call.
	 */
	private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null
				|| !CallContext.of(request).isMirroredCall()) {
			return true;
		}
		List<Violation> violations = violations(request.getQueryString(),
				declared.computeIfAbsent(method.getMethod(), key -> declared(method)));
		if (!violations.isEmpty()) {
			throw new InvalidQueryException(violations);
		}
		return true;
	}

	static List<Violation> violations(String query, Set<String> declared) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<Violation> violations = new ArrayList<>();
		for (String pair : query.split("&", -1)) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String raw = equals < 0 ? pair : pair.substring(0, equals);
			String name;
			try {
				name = UriUtils.decode(raw.replace('+', ' '), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException malformed) {
				violations.add(new Violation("query", "malformed percent-encoding in a parameter name"));
				continue;
			}
			counts.merge(name, 1, Integer::sum);
		}
		counts.forEach((name, count) -> {
			String field = bounded(name);
			if (!declared.contains(name)) {
				violations.add(new Violation(field, "unknown query parameter: not part of the API contract"));
			}
			else if (count > 1) {
				violations.add(new Violation(field, "repeated query parameter: may appear only once"));
			}
		});
		return violations;
	}

	private static Set<String> declared(HandlerMethod method) {
		Set<String> names = new TreeSet<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				names.add(ParameterNames.of(parameter));
			}
		}
		return Set.copyOf(names);
	}

	private static String bounded(String name) {
		return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "...";
	}

	/** A query string that is not the one the operation declares. */
	static final class InvalidQueryException extends RuntimeException {

		private final transient List<Violation> violations;

		InvalidQueryException(List<Violation> violations) {
			super("invalid query string", null, false, false);
			this.violations = List.copyOf(violations);
		}

		List<Violation> violations() {
			return violations;
		}

	}

}
