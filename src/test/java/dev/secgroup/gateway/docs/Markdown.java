package dev.secgroup.gateway.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little of Markdown the documentation tests need: the links of a page (outside code)
 * and the anchors its headings get, by GitHub's rules.
 */
final class Markdown {

	private static final Pattern INLINE_LINK = Pattern
		.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern REFERENCE_DEFINITION = Pattern
		.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");

	private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");

	private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

	private Markdown() {
	}

	/** A link target as written, with the line it is on. */
	record Link(int line, String target) {
	}

	/** Every link target of a page, outside fenced code blocks and code spans. */
	static List<Link> links(String markdown) {
		List<Link> links = new ArrayList<>();
		String[] lines = markdown.split("\n", -1);
		boolean fenced = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
				fenced = !fenced;
				continue;
			}
			if (fenced) {
				continue;
			}
			String text = CODE_SPAN.matcher(line).replaceAll("");
			Matcher inline = INLINE_LINK.matcher(text);
			while (inline.find()) {
				links.add(new Link(i + 1, inline.group(1)));
			}
			Matcher definition = REFERENCE_DEFINITION.matcher(text);
			if (definition.matches()) {
				links.add(new Link(i + 1, definition.group(1)));
			}
		}
		return links;
	}

	/**
	 * The anchors GitHub gives a page's headings (lower case, punctuation dropped, spaces
	 * as hyphens, {@code -1}, {@code -2}... for repeats), plus explicit HTML anchors.
	 */
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean fenced = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
				fenced = !fenced;
				continue;
			}
			if (fenced) {
				continue;
			}
			Matcher html = HTML_ANCHOR.matcher(line);
			while (html.find()) {
				anchors.add(html.group(1));
			}
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String slug = slug(heading.group(2));
				int count = seen.merge(slug, 1, Integer::sum);
				anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
			}
		}
		return anchors;
	}

	/** GitHub's anchor of one heading's text. */
	static String slug(String heading) {
		String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
		StringBuilder slug = new StringBuilder();
		text.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
			if (c == ' ') {
				slug.append('-');
			}
			else if (Character.isLetterOrDigit(c) || c == '-' || c == '_'
					|| Character.getType(c) == Character.NON_SPACING_MARK) {
				slug.appendCodePoint(c);
			}
		});
		return slug.toString();
	}

}
