package dev.secgroup.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Builds the bearer token decoder of {@code jwt} mode from {@code gateway.security.jwt},
 * with Spring Security's own parts: signature checked against the issuer's JWK set
 * (fetched when the first token arrives, then cached), expiry and not-before, issuer when
 * configured, and audience.
 */
final class JwtDecoderFactory {

	private JwtDecoderFactory() {
	}

	/**
	 * @throws InvalidSecurityConfigurationException naming the missing or wrong property
	 */
	static JwtDecoder create(GatewaySecurityProperties.Jwt properties) {
		String prefix = "gateway.security.jwt";
		if (blank(properties.issuerUri()) && blank(properties.jwkSetUri())) {
			throw new InvalidSecurityConfigurationException(
					prefix + ".issuer-uri or " + prefix + ".jwk-set-uri must be set in jwt mode",
					"Set the issuer of the callers' tokens (for Kubernetes service-account tokens, the cluster's "
							+ "service account issuer) or the URL of its JWK set.");
		}
		if (properties.audiences().isEmpty() || properties.audiences().stream().anyMatch(JwtDecoderFactory::blank)) {
			throw new InvalidSecurityConfigurationException(prefix + ".audiences must name at least one audience",
					"Set the audience the callers' tokens are made for (e.g. the projected token's audience), so "
							+ "that tokens made for other services are refused.");
		}
		if (blank(properties.clientClaim())) {
			throw new InvalidSecurityConfigurationException(prefix + ".client-claim must be set",
					"Name the claim that holds the client's name, e.g. sub.");
		}
		List<SignatureAlgorithm> algorithms = algorithms(properties.jwsAlgorithms(), prefix + ".jws-algorithms");
		OAuth2TokenValidator<Jwt> validator = validator(properties);
		if (!blank(properties.jwkSetUri())) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
				.jwsAlgorithms(set -> set.addAll(algorithms))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		// Discovery is deferred to the first token, so that start-up never waits on the
		// issuer.
		return new SupplierJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
				.jwsAlgorithms(set -> set.addAll(algorithms))
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		});
	}

	private static OAuth2TokenValidator<Jwt> validator(GatewaySecurityProperties.Jwt properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (!blank(properties.issuerUri())) {
			validators.add(new JwtIssuerValidator(properties.issuerUri()));
		}
		Set<String> accepted = Set.copyOf(properties.audiences());
		validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				audiences -> audiences != null && audiences.stream().anyMatch(accepted::contains)));
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithValidators(validators));
	}

	private static List<SignatureAlgorithm> algorithms(List<String> names, String property) {
		if (names.isEmpty()) {
			throw new InvalidSecurityConfigurationException(property + " must name at least one algorithm",
					"Use RS256 (Kubernetes service-account tokens) or another JWS algorithm.");
		}
		List<SignatureAlgorithm> algorithms = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.from(names.get(i));
			if (algorithm == null) {
				throw new InvalidSecurityConfigurationException(
						property + "[" + i + "] '" + names.get(i) + "' is not a JWS signature algorithm",
						"Use one of RS256, RS384, RS512, ES256, ES384, ES512, PS256, PS384, PS512.");
			}
			algorithms.add(algorithm);
		}
		return algorithms;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
