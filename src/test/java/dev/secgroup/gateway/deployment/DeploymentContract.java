package dev.secgroup.gateway.deployment;

import java.nio.file.Path;

/**
 * What the container image and the Helm chart promise about the running gateway, stated
 * once. The {@code HelmChart*Test} classes and {@code DockerfileTest} check that the
 * chart and the Dockerfile use these values; {@code ManagementEndpointsTest},
 * {@code LayeredJarIT} and {@code DockerImageTest} check that the application really
 * serves them.
 */
final class DeploymentContract {

	/**
	 * {@code server.port}: the two mirrored operations, the OpenAPI document, Swagger UI.
	 */
	static final int API_PORT = 8080;

	/**
	 * {@code management.server.port}: health groups and Prometheus, never on the API
	 * port.
	 */
	static final int MANAGEMENT_PORT = 8081;

	static final String LIVENESS_PATH = "/actuator/health/liveness";

	static final String READINESS_PATH = "/actuator/health/readiness";

	static final String PROMETHEUS_PATH = "/actuator/prometheus";

	/**
	 * The image's non-root user and group, and the chart's runAsUser / runAsGroup /
	 * fsGroup.
	 */
	static final long RUN_AS_USER = 10001;

	/**
	 * The image's ENTRYPOINT: the extracted application jar (its manifest names
	 * lib/*.jar) with the AOT cache its build trained.
	 */
	static final String[] ENTRYPOINT = { "java", "-XX:AOTCache=application.aot", "-jar", "application.jar" };

	/** The AOT cache file the image's build writes beside application.jar. */
	static final String AOT_CACHE = "application.aot";

	/**
	 * The layers of {@code java -Djarmode=tools -jar app.jar extract --layers}, least
	 * changed first.
	 */
	static final String[] LAYERS = { "dependencies", "spring-boot-loader", "snapshot-dependencies", "application" };

	static final Path PROJECT_DIR = Path.of("").toAbsolutePath();

	static final Path CHART_DIR = PROJECT_DIR.resolve("helm/secgroup-gateway");

	static final Path DOCKERFILE = PROJECT_DIR.resolve("Dockerfile");

	private DeploymentContract() {
	}

}
