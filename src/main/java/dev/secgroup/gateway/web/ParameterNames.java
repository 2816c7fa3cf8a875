package dev.secgroup.gateway.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The name a caller knows a handler parameter by: its path variable, query or header
 * name.
 */
final class ParameterNames {

	private ParameterNames() {
	}

	static String of(MethodParameter parameter) {
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.value().isEmpty()) {
			return path.value();
		}
		RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
		if (query != null && !query.value().isEmpty()) {
			return query.value();
		}
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.value().isEmpty()) {
			return header.value();
		}
		String name = parameter.getParameterName();
		return name != null ? JsonNames.path(name) : "arg" + parameter.getParameterIndex();
	}

}
