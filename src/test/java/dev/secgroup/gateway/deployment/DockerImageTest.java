package dev.secgroup.gateway.deployment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image itself: built from the Dockerfile, run with a read-only root filesystem and a
 * tmpfs {@code /tmp} (as the chart runs it) against a WireMock upstream on the host. Runs
 * where a Docker engine exists; elsewhere it is skipped, not failed, and says so
 * ({@code DockerfileTest} and {@code LayeredJarIT} then cover what they can without
 * Docker).
 */
@ExtendWith(DockerImageTest.SaysWhenDockerIsMissing.class)
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerImageTest {

	private static WireMockServer upstream;

	private static GenericContainer<?> gateway;

	@BeforeAll
	static void buildAndStart() {
		upstream = new WireMockServer(wireMockConfig().dynamicPort());
		upstream.start();
		ImageContract.stubUpstream(upstream);
		org.testcontainers.Testcontainers.exposeHostPorts(upstream.port());

		gateway = new GenericContainer<>(new ImageFromDockerfile("secgroup-gateway-image-test", true)
			.withDockerfile(DeploymentContract.DOCKERFILE))
			.withExposedPorts(DeploymentContract.API_PORT, DeploymentContract.MANAGEMENT_PORT)
			.withAccessToHost(true)
			.withEnv(ImageContract.environment("http://host.testcontainers.internal:" + upstream.port(),
					DeploymentContract.API_PORT, DeploymentContract.MANAGEMENT_PORT))
			.withCreateContainerCmdModifier(
					create -> create.getHostConfig().withReadonlyRootfs(true).withTmpFs(Map.of("/tmp", "rw,size=256m")))
			.waitingFor(Wait.forHttp(DeploymentContract.READINESS_PATH)
				.forPort(DeploymentContract.MANAGEMENT_PORT)
				.forStatusCode(200)
				.withStartupTimeout(Duration.ofMinutes(3)));
		gateway.start();
	}

	@AfterAll
	static void stop() {
		if (gateway != null) {
			gateway.stop();
		}
		if (upstream != null) {
			upstream.stop();
		}
	}

	@Test
	@Order(1)
	void servesBothOperationsAndTheManagementEndpoints() {
		ImageContract.verify(uri(DeploymentContract.API_PORT), uri(DeploymentContract.MANAGEMENT_PORT), upstream);
	}

	@Test
	@Order(2)
	void runsAsTheNumericNonRootUserWithAReadOnlyRootFilesystem() {
		InspectContainerResponse container = gateway.getContainerInfo();

		assertThat(container.getConfig().getUser())
			.isEqualTo(DeploymentContract.RUN_AS_USER + ":" + DeploymentContract.RUN_AS_USER);
		assertThat(container.getHostConfig().getReadonlyRootfs()).isTrue();
		assertThat(container.getConfig().getEntrypoint()).containsExactly(DeploymentContract.ENTRYPOINT);
	}

	@Test
	@Order(3)
	void stopsGracefullyOnSigterm() {
		String id = gateway.getContainerId();

		DockerClientFactory.instance().client().stopContainerCmd(id).withTimeout(30).exec();
		InspectContainerResponse stopped = DockerClientFactory.instance().client().inspectContainerCmd(id).exec();

		assertThat(stopped.getState().getExitCodeLong()).isIn(0L, 143L);
		assertThat(gateway.getLogs()).contains("Graceful shutdown complete");
	}

	private static URI uri(int port) {
		return URI.create("http://" + gateway.getHost() + ":" + gateway.getMappedPort(port));
	}

	/**
	 * Prints why the class does not run, so that a skipped image test is never mistaken
	 * for a pass.
	 */
	static final class SaysWhenDockerIsMissing implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (context.getTestMethod().isEmpty() && !DockerClientFactory.instance().isDockerAvailable()) {
				System.out.println("DockerImageTest SKIPPED: no Docker engine here, the image was neither built nor "
						+ "run. DockerfileTest and LayeredJarIT checked its contract without Docker.");
			}
			return ConditionEvaluationResult.enabled("Testcontainers decides");
		}

	}

}
