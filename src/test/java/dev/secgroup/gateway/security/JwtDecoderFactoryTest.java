package dev.secgroup.gateway.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtDecoderFactoryTest {

	@Test
	void needsAnIssuerOrAJwkSet() {
		assertThatThrownBy(() -> JwtDecoderFactory.create(jwt(null, null, List.of("gw"), List.of("RS256")), false))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessage("gateway.security.jwt.issuer-uri or gateway.security.jwt.jwk-set-uri must be set in jwt mode");
	}

	@Test
	void needsAnAudience() {
		assertThatThrownBy(
				() -> JwtDecoderFactory.create(jwt("https://issuer.test", null, List.of(), List.of("RS256")), false))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessage("gateway.security.jwt.audiences must name at least one audience");
	}

	@Test
	void refusesAnUnknownAlgorithm() {
		assertThatThrownBy(() -> JwtDecoderFactory
			.create(jwt("https://issuer.test", null, List.of("gw"), List.of("RS256", "none")), false))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessage("gateway.security.jwt.jws-algorithms[1] 'none' is not a JWS signature algorithm");
	}

	@Test
	void anIssuerIsOnlyContactedWhenTheFirstTokenArrives() {
		// No network at start-up: an unreachable issuer does not stop the gateway from
		// starting.
		assertThat(
				JwtDecoderFactory.create(jwt("https://issuer.invalid", null, List.of("gw"), List.of("RS256")), false))
			.isNotNull();
	}

	private static GatewaySecurityProperties.Jwt jwt(String issuer, String jwkSet, List<String> audiences,
			List<String> algorithms) {
		return new GatewaySecurityProperties.Jwt(issuer, jwkSet, audiences, "sub", algorithms, null, false);
	}

}
