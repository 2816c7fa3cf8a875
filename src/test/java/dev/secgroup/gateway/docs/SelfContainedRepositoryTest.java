package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository explains itself: nothing in the code, the build, the chart or the
 * documentation points at notes that only its first authors had (a sibling {@code shared}
 * directory and the design, stack and upstream-facts notes kept there). What those said
 * lives in docs/architecture.md and docs/huawei-cloud.md.
 */
class SelfContainedRepositoryTest {

	/** Spelled in pieces, so that this file does not find itself. */
	private static final List<String> OUTSIDE = List.of("../" + "shared", "/work" + "/", "DESIGN" + ".md",
			"STACK" + ".md", "STYLE" + ".md", "huawei-cloud-" + "facts", "aksk-test-" + "vectors");

	@Test
	void nothingReferencesFilesOutsideTheRepository() {
		List<String> references = new ArrayList<>();
		for (Path file : files()) {
			String text = read(file);
			String[] lines = text.split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				for (String outside : OUTSIDE) {
					if (lines[i].contains(outside)) {
						references.add(file + ":" + (i + 1) + ": " + outside);
					}
				}
			}
		}
		assertThat(references).isEmpty();
	}

	private static List<Path> files() {
		List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("pom.xml"), Path.of("Dockerfile")));
		for (String directory : List.of("src", "docs", "helm", ".ci")) {
			try (Stream<Path> walk = Files.walk(Path.of(directory))) {
				walk.filter(Files::isRegularFile).forEach(files::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files.stream().filter(Files::isRegularFile).toList();
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
