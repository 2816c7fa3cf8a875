package dev.secgroup.gateway.security;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token checks of review A11/B11: a token without {@code exp} is refused, the issuer
 * is checked with a JWK set URL alone, a failed discovery is not repeated for every
 * token, and issuer and keys must come over https outside {@code local}.
 */
class JwtValidationTest {

	private static final String CLIENT = "system:serviceaccount:team-a:sg-client";

	private final TestTokens tokens = new TestTokens();

	private final WireMockServer issuer = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	@BeforeEach
	void start() {
		issuer.start();
		issuer.stubFor(WireMock.get(urlEqualTo("/jwks"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tokens.jwkSet())));
	}

	@AfterEach
	void stop() {
		issuer.stop();
	}

	@Test
	void aTokenWithoutExpiryIsRefused() {
		JwtDecoder decoder = JwtDecoderFactory.create(jwt(null, issuer.baseUrl() + "/jwks", null, true), false);

		assertThat(decoder.decode(tokens.token(CLIENT)).getSubject()).isEqualTo(CLIENT);
		assertThatThrownBy(() -> decoder.decode(tokens.withoutExpiry(CLIENT))).isInstanceOf(JwtException.class)
			.hasMessageContaining("exp");
	}

	@Test
	void withAJwkSetAloneTheConfiguredIssuerIsChecked() {
		JwtDecoder decoder = JwtDecoderFactory.create(jwt(null, issuer.baseUrl() + "/jwks", TestTokens.ISSUER, true),
				false);

		assertThat(decoder.decode(tokens.token(CLIENT)).getSubject()).isEqualTo(CLIENT);
		assertThatThrownBy(() -> decoder.decode(tokens.fromIssuer(CLIENT, "https://evil.example")))
			.isInstanceOf(JwtException.class)
			.hasMessageContaining("iss");
	}

	@Test
	void aFailedDiscoveryIsNotRepeatedForEveryToken() {
		issuer.stubFor(WireMock.get(urlPathMatching("/.*well-known.*")).willReturn(aResponse().withStatus(500)));
		JwtDecoder decoder = JwtDecoderFactory.create(jwt(issuer.baseUrl() + "/broken", null, null, true), false);

		assertThatThrownBy(() -> decoder.decode(tokens.token(CLIENT)))
			.isInstanceOf(JwtDecoderInitializationException.class);
		int afterFirst = issuer.getAllServeEvents().size();
		for (int i = 0; i < 20; i++) {
			assertThatThrownBy(() -> decoder.decode(tokens.token(CLIENT)))
				.isInstanceOf(JwtDecoderInitializationException.class);
		}

		assertThat(afterFirst).isPositive();
		issuer.verify(afterFirst, anyRequestedFor(urlPathMatching("/.*")));
	}

	@Test
	void plainHttpIssuerOrKeysAreRefusedOutsideLocal() {
		assertThatThrownBy(() -> JwtDecoderFactory.create(jwt("http://issuer.test", null, null, false), false))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageContaining("gateway.security.jwt.issuer-uri must be an https URL");
		assertThatThrownBy(() -> JwtDecoderFactory.create(jwt(null, "http://issuer.test/jwks", null, false), false))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageContaining("gateway.security.jwt.jwk-set-uri must be an https URL");
		assertThat(JwtDecoderFactory.create(jwt(null, "http://127.0.0.1/jwks", null, false), true)).isNotNull();
	}

	private static GatewaySecurityProperties.Jwt jwt(String issuerUri, String jwkSetUri, String issuer,
			boolean allowHttp) {
		return new GatewaySecurityProperties.Jwt(issuerUri, jwkSetUri, List.of(TestTokens.AUDIENCE), "sub",
				List.of("RS256"), issuer, allowHttp);
	}

}
