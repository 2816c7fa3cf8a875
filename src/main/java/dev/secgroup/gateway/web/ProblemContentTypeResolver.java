package dev.secgroup.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where the Content-Type of the errors Spring MVC answers is chosen
 * ({@link ProblemMediaType}): first among the exception resolvers, it sets the response's
 * Content-Type and resolves nothing, so the handler that then answers
 * ({@link ApiExceptionHandler}'s own, those it inherits for Spring's exceptions, any
 * added later) writes its problem body with that type without having to name it.
 * <p>
 * A preset Content-Type also keeps Spring's own negotiation out of error answers: it
 * would serve a {@code ProblemDetail} as problem+json to callers without {@code Accept}
 * (the Huawei SDKs), and answer a malformed {@code Accept} with a second failure. A
 * handler's {@code ResponseEntity} that names a Content-Type still wins.
 */
@Component
class ProblemContentTypeResolver implements HandlerExceptionResolver, Ordered {

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!response.isCommitted()) {
			response.setContentType(ProblemMediaType.of(request).toString());
		}
		return null;
	}

	/**
	 * Before Spring's resolvers (the exception handlers), after Boot's error attributes.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
