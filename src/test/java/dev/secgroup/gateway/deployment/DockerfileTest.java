package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image's contract, checked on the Dockerfile itself where no Docker engine exists:
 * wrapper build with a dependency layer cached apart from the sources, Temurin 25 JRE
 * runtime, Spring Boot's layers extracted, a numeric non-root user, exec-form entrypoint,
 * both ports, container-aware JVM options, and a build context limited to the build
 * inputs. That the extracted layout starts and serves is {@code LayeredJarIT}'s part; the
 * image itself is {@code DockerImageTest}'s where Docker runs.
 */
class DockerfileTest {

	private final Dockerfile dockerfile = Dockerfile.read(DeploymentContract.DOCKERFILE);

	@Test
	void buildsWithTheWrapperInAStageOfItsOwn() {
		assertThat(dockerfile.stageImages()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(dockerfile.inStage(0, "RUN"))
			.anySatisfy(run -> assertThat(run.arguments()).contains("./mvnw").contains("package"));
	}

	@Test
	void resolvesDependenciesBeforeCopyingTheSources() {
		List<Dockerfile.Instruction> copies = dockerfile.inStage(0, "COPY");
		Dockerfile.Instruction sources = copies.stream()
			.filter(c -> c.arguments().startsWith("src"))
			.findFirst()
			.orElseThrow();
		Dockerfile.Instruction dependencies = dockerfile.inStage(0, "RUN")
			.stream()
			.filter(r -> r.arguments().contains("./mvnw") && r.arguments().contains("dependency:go-offline"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no RUN ./mvnw dependency:go-offline"));
		String copiedBefore = copies.stream()
			.filter(c -> dockerfile.indexOf(c) < dockerfile.indexOf(dependencies))
			.map(Dockerfile.Instruction::arguments)
			.collect(Collectors.joining(" "));

		assertThat(dockerfile.indexOf(dependencies)).isLessThan(dockerfile.indexOf(sources));
		assertThat(copiedBefore).contains("pom.xml", "mvnw", ".mvn").doesNotContain("src");
	}

	@Test
	void runsOnATemurin25Jre() {
		assertThat(dockerfile.stageImages().get(dockerfile.finalStage())).startsWith("eclipse-temurin:25-jre");
		assertThat(dockerfile.inStage(dockerfile.finalStage(), "RUN"))
			.noneMatch(run -> run.arguments().contains("mvnw"));
	}

	@Test
	void extractsSpringBootLayersLeastChangedFirst() {
		// Without --launcher: application.jar and lib/, a plain class path the AOT cache
		// can record.
		assertThat(dockerfile.inStage(0, "RUN"))
			.anySatisfy(run -> assertThat(run.arguments()).contains("-Djarmode=tools", " extract ", "--layers")
				.doesNotContain("--launcher"));
		List<String> copied = dockerfile.inStage(dockerfile.finalStage(), "COPY")
			.stream()
			.map(Dockerfile.Instruction::arguments)
			.filter(arguments -> arguments.startsWith("--from="))
			.map(arguments -> arguments.replaceAll(".*/extracted/([^/]+)/.*", "$1"))
			.toList();

		assertThat(copied).containsExactly(DeploymentContract.LAYERS);
	}

	@Test
	void runsAsTheNumericNonRootUserTheChartExpects() throws IOException {
		String user = dockerfile.last("USER");
		Map<String, Object> values = chartValues();

		assertThat(user).matches("\\d+(:\\d+)?");
		long uid = Long.parseLong(user.split(":")[0]);
		assertThat(uid).isNotZero().isEqualTo(DeploymentContract.RUN_AS_USER);
		assertThat(((Number) Tree.at(values, "podSecurityContext.runAsUser")).longValue()).isEqualTo(uid);
		assertThat(((Number) Tree.at(values, "containerSecurityContext.runAsUser")).longValue()).isEqualTo(uid);
	}

	@Test
	void theImageTrainsAnAotCacheOnItsOwnRuntimeAfterItsJvmOptions() {
		int stage = dockerfile.finalStage();
		Dockerfile.Instruction training = dockerfile.inStage(stage, "RUN")
			.stream()
			.filter(run -> run.arguments().contains("-XX:AOTCacheOutput=" + DeploymentContract.AOT_CACHE))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no training run writing " + DeploymentContract.AOT_CACHE));
		Dockerfile.Instruction options = dockerfile.inStage(stage, "ENV")
			.stream()
			.filter(env -> env.arguments().startsWith("JAVA_TOOL_OPTIONS"))
			.findFirst()
			.orElseThrow();

		assertThat(training.arguments()).as("stops once the context is refreshed: nothing listens, nothing is called")
			.contains("-Dspring.context.exit=onRefresh", "-jar application.jar");
		assertThat(dockerfile.indexOf(training)).as("trained with the JVM options the gateway runs with")
			.isGreaterThan(dockerfile.indexOf(options))
			.isLessThan(dockerfile.indexOf(dockerfile.inStage(stage, "USER").get(0)));
	}

	@Test
	void entrypointIsExecFormAndStartsTheApplicationJarWithItsAotCache() {
		List<String> entrypoint = Dockerfile.execForm(dockerfile.last("ENTRYPOINT"));

		assertThat(entrypoint).as("exec form: java is PID 1 and gets SIGTERM; no shell needed")
			.containsExactly(DeploymentContract.ENTRYPOINT);
		assertThat(dockerfile.last("CMD")).isNull();
		assertThat(dockerfile.last("WORKDIR")).isEqualTo("/application");
	}

	@Test
	void exposesTheApiAndManagementPortsTheChartUses() throws IOException {
		Set<Integer> exposed = Arrays.stream(dockerfile.last("EXPOSE").split("\\s+"))
			.map(port -> Integer.parseInt(port.replace("/tcp", "")))
			.collect(Collectors.toSet());
		Map<String, Object> values = chartValues();

		assertThat(exposed).containsExactlyInAnyOrder(DeploymentContract.API_PORT, DeploymentContract.MANAGEMENT_PORT);
		assertThat(Tree.at(values, "containerPorts.http")).isEqualTo(DeploymentContract.API_PORT);
		assertThat(Tree.at(values, "containerPorts.management")).isEqualTo(DeploymentContract.MANAGEMENT_PORT);
	}

	@Test
	void jvmSizesItsHeapFromTheContainerLimit() {
		String options = dockerfile.env("JAVA_TOOL_OPTIONS");

		assertThat(options).isNotNull()
			.containsPattern("-XX:MaxRAMPercentage=\\d+")
			.contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "--enable-native-access=ALL-UNNAMED")
			.doesNotContain("-Xmx", "-Xms");
	}

	@Test
	void buildContextHoldsOnlyTheBuildInputs() throws IOException {
		List<String> patterns = Files.readAllLines(DeploymentContract.PROJECT_DIR.resolve(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		List<String> included = patterns.stream()
			.filter(p -> p.startsWith("!"))
			.map(p -> p.substring(1).replaceAll("/$", ""))
			.toList();
		List<String> copiedFromContext = dockerfile.inStage(0, "COPY").stream().flatMap(c -> {
			String[] words = c.arguments().split("\\s+");
			return Arrays.stream(words, 0, words.length - 1);
		}).map(source -> source.replaceAll("/$", "")).toList();

		assertThat(patterns.get(0)).as("everything is excluded first").isEqualTo("*");
		assertThat(included).containsExactlyInAnyOrder("pom.xml", "mvnw", ".mvn", "src")
			.doesNotContain("target", ".git", "helm");
		assertThat(included).containsAll(copiedFromContext);
		assertThat(patterns).contains("**/target/");
	}

	private static Map<String, Object> chartValues() throws IOException {
		return new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(DeploymentContract.CHART_DIR.resolve("values.yaml")));
	}

}
