package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A JDK of the image's major version (Temurin 25), for tests that run the image's runtime
 * without Docker: the JDK running the tests if it is one, else one installed under
 * {@code /usr/lib/jvm}. Without one the test is skipped, except under {@code CI=true},
 * where it fails.
 */
final class Jdk25 {

	static final int MAJOR = 25;

	private static final Path JVMS = Path.of("/usr/lib/jvm");

	private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

	private Jdk25() {
	}

	static String javaCommand() {
		return home().resolve("bin").resolve("java").toString();
	}

	static String binDirectory() {
		return home().resolve("bin").toString();
	}

	private static Path home() {
		Path running = Path.of(System.getProperty("java.home"));
		if (Runtime.version().feature() == MAJOR) {
			return running;
		}
		Optional<Path> installed = installed();
		if (installed.isEmpty()) {
			String reason = "no JDK " + MAJOR + " (the image's) runs the tests or is under " + JVMS;
			if ("true".equals(System.getenv("CI"))) {
				throw new AssertionError(reason + " (CI=true)");
			}
			Assumptions.abort(reason);
		}
		return installed.get();
	}

	private static Optional<Path> installed() {
		if (!Files.isDirectory(JVMS)) {
			return Optional.empty();
		}
		try (Stream<Path> homes = Files.list(JVMS)) {
			return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
				.filter(home -> major(home) == MAJOR)
				.sorted(Comparator.comparing(Path::toString))
				.findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int major(Path home) {
		try {
			Path release = home.resolve("release");
			if (!Files.isRegularFile(release)) {
				return -1;
			}
			Matcher matcher = VERSION.matcher(Files.readString(release));
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
