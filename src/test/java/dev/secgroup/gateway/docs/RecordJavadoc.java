package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @param} Javadoc of a record component, read from the record's source file.
 * The configuration processor puts it into the metadata for plain properties, but not for
 * the records inside maps and lists ({@code gateway.upstreams.<name>.*}), whose rows the
 * generated table still wants to describe.
 */
final class RecordJavadoc {

	private static final Path SOURCES = Path.of("src/main/java");

	private RecordJavadoc() {
	}

	/** The description of one component, or empty when the source says nothing. */
	static String param(Class<?> record, String component) {
		Class<?> topLevel = record;
		while (topLevel.getEnclosingClass() != null) {
			topLevel = topLevel.getEnclosingClass();
		}
		Path source = SOURCES.resolve(topLevel.getName().replace('.', '/') + ".java");
		if (!Files.isRegularFile(source)) {
			return "";
		}
		String text = read(source);
		Matcher declaration = Pattern
			.compile(
					"/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
							+ "(?:public\\s+|static\\s+|final\\s+)*record\\s+" + record.getSimpleName() + "\\b",
					Pattern.DOTALL)
			.matcher(text);
		if (!declaration.find()) {
			return "";
		}
		String javadoc = declaration.group(1).replaceAll("(?m)^\\s*\\*\\s?", "");
		Matcher param = Pattern.compile("@param\\s+" + component + "\\s+(.*?)(?=\\n\\s*@|\\z)", Pattern.DOTALL)
			.matcher(javadoc);
		return param.find() ? param.group(1) : "";
	}

	private static String read(Path source) {
		try {
			return Files.readString(source);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
