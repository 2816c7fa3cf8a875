package dev.secgroup.gateway.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a controller the {@link CallContext} of its request as a method argument. */
final class CallContextArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CallContext.class.equals(parameter.getParameterType());
	}

	@Override
	public CallContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return CallContext.of(webRequest.getNativeRequest(HttpServletRequest.class));
	}

}
