package dev.secgroup.gateway.idempotency;

import java.util.List;

/**
 * The value of an {@code Idempotency-Key} header: 1 to {@value #MAX_LENGTH} visible ASCII
 * characters. The IETF draft (draft-ietf-httpapi-idempotency-key-header) makes the field
 * a Structured Field string, so it is sent quoted ({@code "8e03978e-..."}, with
 * {@code \"} and {@code \\} escapes); the same characters unquoted (as Stripe-style
 * clients send them) are accepted too. It is checked before anything is looked up: an
 * unchecked key must never reach a store.
 *
 * @param value the key, unquoted and unescaped
 */
record IdempotencyKey(String value) {

	/** The request header. */
	static final String HEADER = "Idempotency-Key";

	static final int MAX_LENGTH = 255;

	/** What a valid value looks like, for error messages and the OpenAPI document. */
	static final String RULE = "1-" + MAX_LENGTH + " visible ASCII characters, as a quoted string "
			+ "(\"8e03978e-40d5-43e8-bc93-6894a57f9324\") or unquoted";

	/**
	 * The key of the header's field values (as the servlet container lists them).
	 * @throws IllegalArgumentException with a message for the caller when the header is
	 * sent more than once or its value breaks the rule
	 */
	static IdempotencyKey parse(List<String> fields) {
		if (fields.size() != 1) {
			throw new IllegalArgumentException("must be sent once");
		}
		String field = fields.get(0).strip();
		String value = field.startsWith("\"") ? unquote(field) : field;
		if (value.isEmpty() || value.length() > MAX_LENGTH || !visibleAscii(value)) {
			throw new IllegalArgumentException("must be " + RULE);
		}
		return new IdempotencyKey(value);
	}

	/**
	 * An sf-string (RFC 8941 section 3.3.3): DQUOTE *( unescaped / "\" ( DQUOTE / "\" ) )
	 * DQUOTE.
	 */
	private static String unquote(String field) {
		StringBuilder value = new StringBuilder(field.length());
		for (int i = 1; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '\\') {
				char next = i + 1 < field.length() ? field.charAt(i + 1) : 0;
				if (next != '"' && next != '\\') {
					throw new IllegalArgumentException("must be " + RULE + "; only \\\" and \\\\ are escapes");
				}
				value.append(next);
				i++;
			}
			else if (c == '"') {
				if (i != field.length() - 1) {
					throw new IllegalArgumentException("must be " + RULE + "; nothing may follow the closing quote");
				}
				return value.toString();
			}
			else {
				value.append(c);
			}
		}
		throw new IllegalArgumentException("must be " + RULE + "; the closing quote is missing");
	}

	private static boolean visibleAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		// A key may be guessable or meaningful to its client: never in a log line.
		return "IdempotencyKey[" + value.length() + " characters]";
	}

}
