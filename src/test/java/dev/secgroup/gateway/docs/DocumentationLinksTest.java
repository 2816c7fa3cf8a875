package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the documentation (README.md, docs/, the chart's README)
 * resolves: the file exists inside the repository, and a {@code #anchor} is a heading of
 * the page it points to. Links to the web are not followed (no internet in tests).
 */
class DocumentationLinksTest {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	@Test
	void everyRelativeLinkResolves() {
		List<Path> pages = pages(ROOT);
		assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/README.md"),
				ROOT.resolve("docs/architecture.md"), ROOT.resolve("helm/secgroup-gateway/README.md"));
		assertThat(brokenLinks(ROOT, pages)).isEmpty();
	}

	@Test
	void theReadmeLinksEveryPageOfDocs() throws IOException {
		String readme = Files.readString(ROOT.resolve("README.md"));
		String index = Files.readString(ROOT.resolve("docs/README.md"));
		try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
			docs.map(page -> page.getFileName().toString())
				.filter(name -> name.endsWith(".md") && !name.equals("README.md"))
				.forEach(name -> {
					assertThat(readme).as("README.md links docs/%s", name).contains("](docs/" + name);
					assertThat(index).as("docs/README.md links %s", name).contains("](" + name);
				});
		}
	}

	@Test
	void aMissingFileAndAMissingAnchorAreBothReported(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("README.md"), """
				# Title
				[ok](docs/a.md#first-heading) [gone](docs/missing.md) [no anchor](docs/a.md#nowhere)
				[web](https://example.com/x) `[in code](nowhere.md)` [same page](#title)
				""");
		Files.createDirectories(root.resolve("docs"));
		Files.writeString(root.resolve("docs/a.md"), "# First heading\n");

		assertThat(brokenLinks(root, pages(root))).containsExactly("README.md:2: docs/missing.md (no such file)",
				"README.md:2: docs/a.md#nowhere (no heading with this anchor in docs/a.md)");
	}

	static List<Path> pages(Path root) {
		List<Path> pages = new ArrayList<>();
		pages.add(root.resolve("README.md"));
		pages.addAll(markdownUnder(root.resolve("docs"), name -> true));
		pages.addAll(markdownUnder(root.resolve("helm"), name -> name.equals("README.md")));
		return pages.stream().filter(Files::isRegularFile).toList();
	}

	static List<String> brokenLinks(Path root, List<Path> pages) {
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			String text = read(page);
			for (Markdown.Link link : Markdown.links(text)) {
				String problem = problem(root, page, text, link.target());
				if (problem != null) {
					broken.add(root.relativize(page) + ":" + link.line() + ": " + link.target() + " (" + problem + ")");
				}
			}
		}
		return broken;
	}

	private static String problem(Path root, Path page, String pageText, String target) {
		if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
			return null; // a URL (https:, mailto:...): not followed
		}
		int hash = target.indexOf('#');
		String file = (hash < 0) ? target : target.substring(0, hash);
		String anchor = (hash < 0) ? null : target.substring(hash + 1);
		Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
		if (!resolved.startsWith(root)) {
			return "points outside the repository";
		}
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (anchor != null && resolved.toString().endsWith(".md")) {
			String text = file.isEmpty() ? pageText : read(resolved);
			if (!Markdown.anchors(text).contains(anchor)) {
				return "no heading with this anchor in " + root.relativize(resolved);
			}
		}
		return null;
	}

	private static List<Path> markdownUnder(Path directory, java.util.function.Predicate<String> name) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(path -> path.toString().endsWith(".md"))
				.filter(path -> name.test(path.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
