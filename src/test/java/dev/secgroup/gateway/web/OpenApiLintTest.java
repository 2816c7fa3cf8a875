package dev.secgroup.gateway.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as published in production (api-key mode) lints clean with
 * Spectral's {@code spectral:oas} ruleset ({@code .spectral.yaml}): no error, so that
 * clients generated in any language read it as the gateway means it (patterns are
 * ECMA-262, examples match their schemas). The document is written to
 * {@code target/openapi/api-docs.json} and Spectral's findings to
 * {@code target/openapi/spectral.json}.
 * <p>
 * Spectral is a Node.js tool: {@code .ci/run} installs it into {@code .tools}
 * ({@value #INSTALL}). Where it is absent the test is skipped with that hint, except
 * under {@code CI=true}, where a missing linter fails the build.
 */
class OpenApiLintTest extends SecuredGatewayTestSupport {

	static final String INSTALL = "npm install --prefix .tools --no-save @stoplight/spectral-cli@6.16.3";

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final Path OUT = PROJECT.resolve("target/openapi");

	@Test
	void publishedDocumentHasNoSpectralError() throws Exception {
		HttpResponse<String> response = send("GET", "/v3/api-docs", null, null, "X-Api-Key", KEY_B);
		assertThat(response.statusCode()).isEqualTo(200);
		Files.createDirectories(OUT);
		Path document = Files.writeString(OUT.resolve("api-docs.json"), response.body());
		Path spectral = spectral();

		Path report = OUT.resolve("spectral.json");
		Process lint = new ProcessBuilder(spectral.toString(), "lint", "--ruleset",
				PROJECT.resolve(".spectral.yaml").toString(), "--format", "json", "--output", report.toString(),
				"--fail-severity", "error", document.toString())
			.redirectErrorStream(true)
			.redirectOutput(OUT.resolve("spectral.log").toFile())
			.start();
		assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("spectral finished").isTrue();

		List<String> errors = new ArrayList<>();
		for (JsonNode finding : parse(Files.readString(report, StandardCharsets.UTF_8)).values()) {
			if (finding.path("severity").asInt() == 0) {
				errors.add(finding.path("code").asString() + " at " + finding.path("path") + ": "
						+ finding.path("message").asString());
			}
		}
		assertThat(errors).as("Spectral errors in %s", document).isEmpty();
		assertThat(lint.exitValue()).as(Files.readString(OUT.resolve("spectral.log"))).isZero();
	}

	private static Path spectral() throws IOException {
		Optional<Path> installed = Optional.of(PROJECT.resolve(".tools/node_modules/.bin/spectral"))
			.filter(Files::isExecutable);
		if (installed.isEmpty() && "true".equals(System.getenv("CI"))) {
			throw new AssertionError("Spectral is not installed (CI=true); install it with: " + INSTALL);
		}
		Assumptions.assumeTrue(installed.isPresent(), "Spectral is not installed; to lint, run: " + INSTALL);
		return installed.get();
	}

}
