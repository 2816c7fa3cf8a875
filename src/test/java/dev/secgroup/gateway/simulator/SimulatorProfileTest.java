package dev.secgroup.gateway.simulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the {@code local} profile the simulator does not exist. Inbound authentication
 * is switched off here so that the answer shows what is behind the path (404), not the
 * 401 that any unauthenticated call gets outside {@code local}; outside {@code local} the
 * upstream credentials must be chosen too.
 */
@ActiveProfiles(value = "prod", inheritProfiles = false)
@TestPropertySource(properties = { "gateway.security.mode=none",
		"gateway.security.allow-unauthenticated-outside-local=true", "gateway.credentials.mode=passthrough" })
class SimulatorProfileTest extends SimulatorTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void outsideTheLocalProfileSimulatorPathsAre404() {
		HttpResponse<String> vpc = send("PUT", SimulatorVpcTest.PATH, SimulatorVpcTest.DOC_REQUEST);
		HttpResponse<String> hss = send("POST", SimulatorHssTest.PATH, SimulatorHssTest.DOC_REQUEST);

		assertThat(vpc.statusCode()).isEqualTo(404);
		assertThat(hss.statusCode()).isEqualTo(404);
	}

	@Test
	void outsideTheLocalProfileNoSimulatorBeanExists() {
		assertThat(context.getBeanNamesForType(VpcPortStore.class)).isEmpty();
		assertThat(context.getBeanNamesForType(HssPolicyStore.class)).isEmpty();
		assertThat(context.getBeanNamesForType(SimulatorAuthenticator.class)).isEmpty();
		assertThat(context.getBeanNamesForType(SimulatedIamTokens.class)).isEmpty();
		assertThat(context.getBeanNamesForType(SimulatorProperties.class)).isEmpty();
		assertThat(context.getBeanNamesForType(IamSimulatorController.class)).isEmpty();
		assertThat(context.getBeanNamesForType(VpcSimulatorController.class)).isEmpty();
		assertThat(context.getBeanNamesForType(HssSimulatorController.class)).isEmpty();
		assertThat(context.getBeanNamesForType(UnknownApiController.class)).isEmpty();
	}

}
