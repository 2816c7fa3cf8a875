package dev.secgroup.gateway.observability;

import java.time.Instant;

/**
 * An instant as {@link Instant#toString()} writes it (ISO-8601 in UTC, its fraction in
 * groups of three digits, none when zero), with the text up to the seconds formatted once
 * per second instead of once per line.
 */
final class InstantText {

	/** The last second formatted; lines of the same second share it. */
	private volatile Second last = new Second(Long.MIN_VALUE, "");

	/** {@code instant} quoted, as a JSON string. */
	void appendQuoted(StringBuilder out, Instant instant) {
		long epochSecond = instant.getEpochSecond();
		Second second = this.last;
		if (second.epochSecond() != epochSecond) {
			String whole = Instant.ofEpochSecond(epochSecond).toString();
			// A whole second is written without a fraction: everything but its 'Z'.
			second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
			this.last = second;
		}
		out.append('"').append(second.text());
		int nano = instant.getNano();
		if (nano != 0) {
			out.append('.');
			if (nano % 1_000_000 == 0) {
				appendDigits(out, nano / 1_000_000, 100);
			}
			else if (nano % 1_000 == 0) {
				appendDigits(out, nano / 1_000, 100_000);
			}
			else {
				appendDigits(out, nano, 100_000_000);
			}
		}
		out.append("Z\"");
	}

	/** {@code value} zero-padded to the digits of {@code unit} (100 for three). */
	private static void appendDigits(StringBuilder out, int value, int unit) {
		for (int divisor = unit; divisor > 0; divisor /= 10) {
			out.append((char) ('0' + (value / divisor) % 10));
		}
	}

	private record Second(long epochSecond, String text) {
	}

}
