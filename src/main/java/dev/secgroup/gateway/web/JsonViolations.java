package dev.secgroup.gateway.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A body that is not the JSON the contract describes, as one violation naming the member:
 * unknown field, duplicate field, wrong JSON type or out-of-range number, malformed JSON,
 * or no body at all. Jackson's own messages are not passed on (they name Java classes).
 */
final class JsonViolations {

	private JsonViolations() {
	}

	static Violation of(HttpMessageNotReadableException ex) {
		JacksonException jackson = find(ex);
		if (jackson == null) {
			return new Violation("body", "a JSON request body is required");
		}
		String path = path(jackson.getPath());
		if (jackson instanceof UnrecognizedPropertyException) {
			return new Violation(path, "unknown field: not part of the API contract");
		}
		if (jackson instanceof StreamReadException read && isDuplicateMember(read)) {
			return new Violation(path(read.processor().streamReadContext()),
					"duplicate field: each member may appear only once");
		}
		if (jackson instanceof InputCoercionException coercion) {
			// A number too large for its member (e.g. index beyond a 32-bit integer).
			String field = path.isEmpty() && coercion.processor() != null
					? path(coercion.processor().streamReadContext()) : path;
			return new Violation(field.isEmpty() ? "body" : field,
					"out of range: must be " + jsonType(coercion.getTargetType()));
		}
		if (jackson instanceof InvalidFormatException || jackson instanceof MismatchedInputException) {
			Class<?> target = ((MismatchedInputException) jackson).getTargetType();
			return new Violation(path.isEmpty() ? "body" : path, "must be " + jsonType(target));
		}
		TokenStreamLocation location = jackson.getLocation();
		String where = location == null ? ""
				: " at line " + location.getLineNr() + ", column " + location.getColumnNr();
		return new Violation("body", "malformed JSON" + where);
	}

	private static JacksonException find(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	/**
	 * Strict duplicate detection has no exception type of its own; the parser's context
	 * still holds the duplicated name and where it is.
	 */
	private static boolean isDuplicateMember(StreamReadException read) {
		String message = read.getOriginalMessage();
		return message != null && message.startsWith("Duplicate Object property") && read.processor() != null;
	}

	private static String path(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inObject() && at.currentName() != null) {
				path.insert(0, at.currentName()).insert(0, '.');
			}
			else if (at.inArray()) {
				path.insert(0, "[" + at.getCurrentIndex() + "]");
			}
		}
		return path.isEmpty() ? "body" : path.substring(path.charAt(0) == '.' ? 1 : 0);
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String jsonType(Class<?> target) {
		if (target == null) {
			return "of the documented JSON type";
		}
		if (target == String.class) {
			return "a JSON string";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "a JSON boolean (true or false)";
		}
		if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
			return "a JSON integer";
		}
		if (Collection.class.isAssignableFrom(target) || target.isArray()) {
			return "a JSON array";
		}
		if (Map.class.isAssignableFrom(target) || target.isRecord()) {
			return "a JSON object";
		}
		return "of the documented JSON type";
	}

}
