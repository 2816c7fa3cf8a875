package dev.secgroup.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.http.client.SimpleClientHttpRequestFactory;

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
import org.springframework.web.client.RestOperations;
import org.springframework.web.client.RestTemplate;

/**
 * Builds the bearer token decoder of {@code jwt} mode from {@code gateway.security.jwt},
 * with Spring Security's own parts: signature checked against the issuer's JWK set
 * (fetched when the first token arrives, then cached), expiry (required) and not-before,
 * issuer whenever one is configured, and audience. Issuer and JWK set are fetched with
 * short timeouts, over https outside the {@code local} profile, and a failed discovery is
 * not repeated for {@link #DISCOVERY_BACKOFF} (review A11).
 */
final class JwtDecoderFactory {

	private JwtDecoderFactory() {
	}

	/** How long a failed OpenID discovery is answered from memory before a retry. */
	static final Duration DISCOVERY_BACKOFF = Duration.ofSeconds(30);

	/**
	 * @param local whether the {@code local} profile is active (plain http allowed there)
	 * @throws InvalidSecurityConfigurationException naming the missing or wrong property
	 */
	static JwtDecoder create(GatewaySecurityProperties.Jwt properties, boolean local) {
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
		boolean httpAllowed = local || properties.allowHttp();
		requireHttps(prefix + ".issuer-uri", properties.issuerUri(), httpAllowed);
		requireHttps(prefix + ".jwk-set-uri", properties.jwkSetUri(), httpAllowed);
		List<SignatureAlgorithm> algorithms = algorithms(properties.jwsAlgorithms(), prefix + ".jws-algorithms");
		OAuth2TokenValidator<Jwt> validator = validator(properties);
		RestOperations rest = rest();
		if (!blank(properties.jwkSetUri())) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
				.jwsAlgorithms(set -> set.addAll(algorithms))
				.restOperations(rest)
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}
		// Discovery is deferred to the first token, so that start-up never waits on the
		// issuer.
		return new DiscoveringJwtDecoder(() -> {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
				.jwsAlgorithms(set -> set.addAll(algorithms))
				.restOperations(rest)
				.build();
			decoder.setJwtValidator(validator);
			return decoder;
		}, Clock.systemUTC(), DISCOVERY_BACKOFF);
	}

	private static void requireHttps(String property, String url, boolean httpAllowed) {
		if (blank(url) || httpAllowed) {
			return;
		}
		String scheme;
		try {
			scheme = URI.create(url).getScheme();
		}
		catch (IllegalArgumentException ex) {
			scheme = null;
		}
		if (!"https".equalsIgnoreCase(scheme)) {
			throw new InvalidSecurityConfigurationException(
					property + " must be an https URL outside the local profile: " + url,
					"Keys fetched over plain http could be replaced in transit, and with them every client's "
							+ "identity. Use the issuer's https URL.");
		}
	}

	/**
	 * Bounded waits for the issuer: a slow issuer must not hold callers for Spring's
	 * default 30 s + 30 s.
	 */
	private static RestOperations rest() {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(5));
		return new RestTemplate(requests);
	}

	private static OAuth2TokenValidator<Jwt> validator(GatewaySecurityProperties.Jwt properties) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		if (!blank(properties.requiredIssuer())) {
			validators.add(new JwtIssuerValidator(properties.requiredIssuer()));
		}
		// The default timestamp check lets a token without exp live forever.
		validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
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
