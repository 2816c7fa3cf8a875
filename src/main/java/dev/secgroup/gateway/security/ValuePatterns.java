package dev.secgroup.gateway.security;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The values one grant allows for one kind of resource: exact values, or patterns where
 * {@code *} stands for any run of characters ({@code sg-web-*}); {@code *} alone allows
 * everything. Compiled once, at start-up.
 */
final class ValuePatterns {

	static final String ANY = "*";

	/** What a configured entry may hold: the characters of ids, and '*'. */
	static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_*-]{1,256}");

	static final String SYNTAX_MESSAGE = "an id or a '*'-pattern: 1-256 letters, digits, '-', '_' or '*' "
			+ "('*' stands for any run of characters)";

	private final List<String> entries;

	private final List<Pattern> patterns;

	private ValuePatterns(List<String> entries) {
		this.entries = List.copyOf(entries);
		this.patterns = entries.stream().map(ValuePatterns::compile).toList();
	}

	/** Entries already checked against {@link #SYNTAX}. */
	static ValuePatterns of(List<String> entries) {
		return new ValuePatterns(entries);
	}

	/** Whether the grant allows this value. */
	boolean permits(@Nullable String value) {
		if (value == null) {
			return false;
		}
		for (Pattern pattern : patterns) {
			if (pattern.matcher(value).matches()) {
				return true;
			}
		}
		return false;
	}

	/** Whether every value is allowed (no restriction configured). */
	boolean permitsEverything() {
		return entries.contains(ANY);
	}

	private static Pattern compile(String entry) {
		List<String> literals = List.of(entry.split("\\*", -1));
		return Pattern.compile(String.join(".*", literals.stream().map(Pattern::quote).toList()));
	}

	@Override
	public String toString() {
		return entries.toString();
	}

}
