package dev.secgroup.gateway.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An issuer made up for tests: an RSA key generated here, its JWK set (served by
 * WireMock), and tokens shaped like Kubernetes projected service-account tokens.
 */
final class TestTokens {

	static final String ISSUER = "https://oidc.cluster.test";

	static final String AUDIENCE = "secgroup-gateway";

	static final String KEY_ID = "test-key-1";

	private final RSAKey key = generate(KEY_ID);

	/** Another key under the same key id: what a forger would sign with. */
	private final RSAKey forgedKey = generate(KEY_ID);

	/** The public JWK set of this issuer, as a JWKS endpoint serves it. */
	String jwkSet() {
		return new JWKSet(key.toPublicJWK()).toString();
	}

	/** A valid token for this subject. */
	String token(String subject) {
		return sign(key, claims(subject).build());
	}

	String expired(String subject) {
		Instant issued = Instant.now().minus(Duration.ofHours(2));
		return sign(key,
				claims(subject).issueTime(Date.from(issued))
					.notBeforeTime(Date.from(issued))
					.expirationTime(Date.from(issued.plus(Duration.ofMinutes(10))))
					.build());
	}

	String forged(String subject) {
		return sign(forgedKey, claims(subject).build());
	}

	String forAudience(String subject, String audience) {
		return sign(key, claims(subject).audience(audience).build());
	}

	String fromIssuer(String subject, String issuer) {
		return sign(key, claims(subject).issuer(issuer).build());
	}

	/** Correctly signed, but without {@code exp}: it would never expire. */
	String withoutExpiry(String subject) {
		return sign(key, claims(subject).expirationTime(null).build());
	}

	String withoutSubject() {
		return sign(key, claims(null).build());
	}

	private static JWTClaimsSet.Builder claims(String subject) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(subject)
			.audience(List.of(AUDIENCE))
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
			.claim("kubernetes.io", Map.of("namespace", "team-a", "serviceaccount", Map.of("name", "sg-client")));
	}

	private static String sign(RSAKey key, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key.toRSAPrivateKey()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generate(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
