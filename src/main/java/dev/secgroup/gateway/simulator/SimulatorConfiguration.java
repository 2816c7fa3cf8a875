package dev.secgroup.gateway.simulator;

import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The simulator's state and its credential seam, only in the {@code local} profile (with the
 * controllers, which carry the same profile): in any other profile nothing answers under
 * {@code /simulator/}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class SimulatorConfiguration {

	@Bean
	VpcPortStore simulatorVpcPortStore(ObjectMapper json) {
		return new VpcPortStore(json);
	}

	@Bean
	HssPolicyStore simulatorHssPolicyStore() {
		return new HssPolicyStore(HssPolicyStore.DEFAULT_CAPACITY);
	}

	/** Allows every call until credential checking is built: replace this bean to verify. */
	@Bean
	SimulatorAuthenticator simulatorAuthenticator() {
		return new AllowAllSimulatorAuthenticator();
	}

}
