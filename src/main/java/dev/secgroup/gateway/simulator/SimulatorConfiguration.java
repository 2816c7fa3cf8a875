package dev.secgroup.gateway.simulator;

import java.time.Clock;
import java.util.Optional;

import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.credentials.SdkHmacSha256Verifier;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The simulator's state and its credential seam, only in the {@code local} profile (with
 * the controllers, which carry the same profile): in any other profile nothing answers
 * under {@code /simulator/}.
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

	@Bean
	HssRateLimit simulatorHssRateLimit(SimulatorProperties properties) {
		return new HssRateLimit(properties.hssLimit().requests(), properties.hssLimit().per(),
				() -> System.nanoTime() / 1_000_000);
	}

	@Bean
	SimulatedIamTokens simulatorIamTokens(SimulatorProperties properties, Clock clock) {
		return new SimulatedIamTokens(clock, properties.iam().tokenLifetime());
	}

	/**
	 * Checks every call to the VPC and HSS fakes: a token of the IAM fake, or a signature
	 * by the configured AK/SK (recomputed by the same verifier tests use).
	 */
	@Bean
	SimulatorAuthenticator simulatorAuthenticator(SimulatorProperties properties, SimulatedIamTokens tokens,
			Clock clock) {
		SdkHmacSha256Verifier verifier = new SdkHmacSha256Verifier(accessKey -> accessKey.equals(properties.accessKey())
				? Optional.of(properties.secretKey()) : Optional.empty(), clock);
		return new VerifyingSimulatorAuthenticator(tokens, verifier);
	}

}
