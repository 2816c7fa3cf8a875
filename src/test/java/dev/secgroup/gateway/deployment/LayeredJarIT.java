package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image's runtime without Docker (failsafe, after {@code package}): the built jar
 * extracted into layers exactly as the Dockerfile does, the layers copied in the
 * Dockerfile's order into one directory, the Dockerfile's own AOT-cache training run
 * there, and its ENTRYPOINT started with its JAVA_TOOL_OPTIONS and the chart's
 * environment, on a JDK 25 like the image's ({@code -XX:AOTMode=on} added: a cache the
 * JVM cannot use fails the start instead of being skipped). It must serve both operations
 * and the management endpoints, log JSON lines only, and stop gracefully on SIGTERM.
 */
class LayeredJarIT {

	private final Dockerfile dockerfile = Dockerfile.read(DeploymentContract.DOCKERFILE);

	private final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	private Process gateway;

	@BeforeEach
	void startUpstream() {
		upstream.start();
		ImageContract.stubUpstream(upstream);
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (gateway != null && gateway.isAlive()) {
			gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		upstream.stop();
	}

	@Test
	void extractedLayersStartWithTheImagesEntrypointServeAndStopGracefully(@TempDir Path work) throws Exception {
		String java = Jdk25.javaCommand();
		Path application = assembleLayers(work, java);
		train(application, work);
		int apiPort = freePort();
		int managementPort = freePort();
		Path stdout = work.resolve("stdout.log");
		Path stderr = work.resolve("stderr.log");

		List<String> command = new ArrayList<>(Dockerfile.execForm(dockerfile.last("ENTRYPOINT")));
		command.set(0, java);
		ProcessBuilder builder = new ProcessBuilder(command).directory(application.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile());
		builder.environment().put("JAVA_TOOL_OPTIONS", dockerfile.env("JAVA_TOOL_OPTIONS") + " -XX:AOTMode=on");
		builder.environment().putAll(ImageContract.environment(upstream.baseUrl(), apiPort, managementPort));
		gateway = builder.start();

		URI api = URI.create("http://127.0.0.1:" + apiPort);
		URI management = URI.create("http://127.0.0.1:" + managementPort);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.failFast("the gateway exited", () -> !gateway.isAlive())
			.until(() -> ImageContract.ready(management));

		ImageContract.verify(api, management, upstream);

		gateway.destroy(); // SIGTERM, as the kubelet sends after the preStop pause
		assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).as("stopped within the grace period").isTrue();
		assertThat(gateway.exitValue()).isIn(0, 143);
		List<String> lines = Files.readAllLines(stdout);
		assertThat(lines).isNotEmpty()
			.allSatisfy(line -> assertThat(JsonMapper.builder().build().readTree(line).isObject())
				.as("stdout line is one JSON object: %s", line)
				.isTrue());
		assertThat(String.join("\n", lines)).contains("Graceful shutdown complete");
	}

	/**
	 * What the Dockerfile's build stage extracts and its runtime stage copies, in that
	 * order.
	 */
	private Path assembleLayers(Path work, String java) throws IOException, InterruptedException {
		Path jar;
		try (Stream<Path> files = Files.list(DeploymentContract.PROJECT_DIR.resolve("target"))) {
			jar = files.filter(f -> f.getFileName().toString().matches("secgroup-gateway-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/: run through mvn verify"));
		}
		Path extracted = work.resolve("extracted");
		Path applicationJar = Files.copy(jar, work.resolve("application.jar"));
		Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", applicationJar.toString(), "extract",
				"--layers", "--destination", extracted.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("extract.log").toFile())
			.start();
		assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(extract.exitValue()).as(Files.readString(work.resolve("extract.log"))).isZero();

		Path application = work.resolve("application");
		for (String layer : DeploymentContract.LAYERS) {
			copyTree(extracted.resolve(layer), application);
		}
		return application;
	}

	/**
	 * The Dockerfile's training run, as its shell runs it in the application directory,
	 * with the JDK 25 first on the path and the image's JVM options.
	 */
	private void train(Path application, Path work) throws IOException, InterruptedException {
		String training = dockerfile.inStage(dockerfile.finalStage(), "RUN")
			.stream()
			.map(Dockerfile.Instruction::arguments)
			.filter(arguments -> arguments.contains("-XX:AOTCacheOutput"))
			.findFirst()
			.orElseThrow();
		Path log = work.resolve("training.log");
		ProcessBuilder builder = new ProcessBuilder("sh", "-c", training).directory(application.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("PATH", Jdk25.binDirectory() + ":" + System.getenv("PATH"));
		builder.environment().put("JAVA_TOOL_OPTIONS", dockerfile.env("JAVA_TOOL_OPTIONS"));
		Process process = builder.start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("training finished").isTrue();
		assertThat(process.exitValue()).as(Files.readString(log)).isZero();
		assertThat(application.resolve(DeploymentContract.AOT_CACHE)).isNotEmptyFile();
	}

	private static void copyTree(Path from, Path to) throws IOException {
		assertThat(from).isDirectory();
		try (Stream<Path> paths = Files.walk(from)) {
			paths.forEach(source -> {
				Path target = to.resolve(from.relativize(source).toString());
				try {
					if (Files.isDirectory(source)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
