package dev.secgroup.gateway.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens the IAM fake issued: each scoped to one project, valid until its expiry.
 * Bounded (the oldest are forgotten beyond {@value #CAPACITY}), thread-safe, time from
 * the injected clock.
 */
public final class SimulatedIamTokens {

	static final int CAPACITY = 10_000;

	private static final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final Duration lifetime;

	private final Map<String, IssuedToken> tokens = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, IssuedToken> eldest) {
			return size() > CAPACITY;
		}

	};

	SimulatedIamTokens(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/**
	 * Issues a token for {@code subject} scoped to the project, valid for the configured
	 * lifetime.
	 */
	synchronized IssuedToken issue(String projectId, String subject, String method) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		// Real tokens are long base64 strings starting with "MII"; this one looks alike.
		String value = "MIIsim" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		IssuedToken token = new IssuedToken(value, projectId, subject, method, now, now.plus(lifetime));
		tokens.put(value, token);
		return token;
	}

	/**
	 * Why the token may not act on the project, or empty if it may: unknown, expired, or
	 * scoped to another project.
	 */
	synchronized Optional<String> refusal(String value, String projectId) {
		IssuedToken token = tokens.get(value);
		if (token == null) {
			return Optional.of("the token is unknown");
		}
		if (!clock.instant().isBefore(token.expiresAt())) {
			tokens.remove(value);
			return Optional.of("the token has expired");
		}
		if (!token.projectId().equals(projectId)) {
			return Optional.of("the token is scoped to another project");
		}
		return Optional.empty();
	}

	/** How many tokens are known (for tests). */
	public synchronized int size() {
		return tokens.size();
	}

	/** Forgets every token. */
	public synchronized void reset() {
		tokens.clear();
	}

	/**
	 * One issued token.
	 *
	 * @param value the token
	 * @param projectId the project it is scoped to
	 * @param subject the user (or the ID token's subject)
	 * @param method {@code password} or {@code mapped} (federated)
	 * @param issuedAt when it was issued
	 * @param expiresAt when it stops working
	 */
	record IssuedToken(String value, String projectId, String subject, String method, Instant issuedAt,
			Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedToken[value=******, projectId=" + projectId + ", subject=" + subject + ", expiresAt="
					+ expiresAt + "]";
		}

	}

}
