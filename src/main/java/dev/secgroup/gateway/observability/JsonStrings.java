package dev.secgroup.gateway.observability;

import org.jspecify.annotations.Nullable;

/**
 * JSON strings and scalars written exactly as Spring Boot's {@code JsonValueWriter}
 * writes them (Boot 4.1): {@code "}, {@code \}, backspace, form feed, line feed, carriage
 * return and tab as two-character escapes, every other ISO control character
 * (U+0000–U+001F, U+007F–U+009F) as {@code \}{@code uXXXX} in upper-case hex, and
 * everything else (non-ASCII, U+2028, surrogates) as it is.
 */
final class JsonStrings {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private JsonStrings() {
	}

	/** {@code string} quoted and escaped, or {@code null} unquoted. */
	static void appendString(StringBuilder out, @Nullable String string) {
		if (string == null) {
			out.append("null");
			return;
		}
		out.append('"');
		int plain = 0;
		for (int i = 0; i < string.length(); i++) {
			char ch = string.charAt(i);
			if (ch >= 0x20 && ch != '"' && ch != '\\' && (ch < 0x7F || ch > 0x9F)) {
				continue;
			}
			// Runs of characters written as they are go in one append.
			out.append(string, plain, i);
			plain = i + 1;
			switch (ch) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append("\\u00").append(HEX[ch >> 4]).append(HEX[ch & 0xF]);
			}
		}
		if (plain == 0) {
			// Nothing escaped (nearly every string): one copy of the whole string.
			out.append(string);
		}
		else {
			out.append(string, plain, string.length());
		}
		out.append('"');
	}

	/**
	 * A key-value pair's or MDC entry's value as Boot writes it: {@code null}, a string,
	 * a number or a boolean. Returns {@code false}, having written nothing, for any other
	 * type (Boot writes maps, iterables, arrays and other objects its own way).
	 */
	static boolean appendScalar(StringBuilder out, @Nullable Object value) {
		if (value == null || value instanceof String) {
			appendString(out, (String) value);
			return true;
		}
		// Final JDK types only: Boot writes any Number or Boolean by toString(), but a
		// subclass could also be an Iterable or a Map, which Boot writes otherwise.
		if (value instanceof Integer || value instanceof Long || value instanceof Boolean || value instanceof Short
				|| value instanceof Byte || value instanceof Double || value instanceof Float) {
			out.append(value);
			return true;
		}
		return false;
	}

}
