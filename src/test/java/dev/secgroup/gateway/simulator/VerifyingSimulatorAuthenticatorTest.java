package dev.secgroup.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.signing.SdkHmacSha256Signer;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;
import dev.secgroup.gateway.support.MutableClock;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fakes accept, decided as Huawei's API Gateway would: a token the IAM fake
 * issued, unexpired and scoped to the path's project, or a signature by the configured
 * AK/SK dated within 15 minutes; anything else is 401 {@code APIGW.0301}.
 */
class VerifyingSimulatorAuthenticatorTest {

	private static final String AK = "DEMOACCESSKEYLOCAL01";

	private static final String SK = "demo-secret";

	private static final String PROJECT = "f5dab68cd75740e68c599e9af5fe0aed";

	private static final String PATH = "/simulator/vpc/v3/" + PROJECT + "/ports/p-1/insert-security-groups";

	private static final byte[] BODY = "{\"port\":{\"security_groups\":[\"sg-1\"]}}".getBytes(StandardCharsets.UTF_8);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));

	private final SimulatedIamTokens tokens = new SimulatedIamTokens(clock, Duration.ofMinutes(2));

	private final VerifyingSimulatorAuthenticator authenticator = new VerifyingSimulatorAuthenticator(tokens,
			new SdkHmacSha256Verifier(ak -> AK.equals(ak) ? Optional.of(SK) : Optional.empty(), clock));

	@Test
	void acceptsATokenOfTheIamFakeForItsProjectUntilItExpires() {
		String token = tokens.issue(PROJECT, "demo-user", "password").value();

		assertThat(authenticator.authenticate(withToken(token, PROJECT)).allowed()).isTrue();
		assertRefused(withToken(token, "0a1b2c3d4e5f60718293a4b5c6d7e8f9"), "the token is scoped to another project");

		clock.advance(Duration.ofMinutes(2));
		assertRefused(withToken(token, PROJECT), "the token has expired");
	}

	@Test
	void refusesATokenItNeverIssued() {
		assertRefused(withToken("MIIforged", PROJECT), "the token is unknown");
	}

	@Test
	void acceptsASignatureByTheConfiguredKeys() {
		assertThat(authenticator.authenticate(signed(AK, SK, clock.instant(), PROJECT)).allowed()).isTrue();
	}

	@Test
	void refusesASignatureWithAnotherSecretKeyOrAccessKey() {
		assertRefused(signed(AK, "wrong-secret", clock.instant(), PROJECT), "signature mismatch");
		assertRefused(signed("OTHERACCESSKEY000001", SK, clock.instant(), PROJECT), "signature mismatch");
	}

	@Test
	void refusesASignatureDatedMoreThan15MinutesAway() {
		SimulatorAuthenticator.Verdict late = authenticator
			.authenticate(signed(AK, SK, clock.instant().minus(Duration.ofMinutes(16)), PROJECT));
		assertThat(late.status()).isEqualTo(401);
		assertThat(late.errorMsg()).contains("is more than 15 minutes from server time");
		assertThat(authenticator.authenticate(signed(AK, SK, clock.instant().minus(Duration.ofMinutes(14)), PROJECT))
			.allowed()).isTrue();
	}

	@Test
	void refusesASignatureForAnotherProject() {
		assertRefused(signed(AK, SK, clock.instant(), "0a1b2c3d4e5f60718293a4b5c6d7e8f9"),
				"X-Project-Id is not the project of the path");
	}

	@Test
	void refusesACallWithoutCredentials() {
		assertRefused(call(new HttpHeaders()), "no X-Auth-Token and no SDK-HMAC-SHA256 Authorization header");
	}

	private void assertRefused(SimulatorAuthenticator.Call call, String reason) {
		SimulatorAuthenticator.Verdict verdict = authenticator.authenticate(call);
		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.status()).isEqualTo(401);
		assertThat(verdict.errorCode()).isEqualTo("APIGW.0301");
		assertThat(verdict.errorMsg()).isEqualTo("Incorrect IAM authentication information: " + reason)
			.doesNotContain(SK);
	}

	private static SimulatorAuthenticator.Call withToken(String token, String projectInPath) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Auth-Token", token);
		return new SimulatorAuthenticator.Call("vpc", projectInPath, "PUT", PATH, null, headers, BODY);
	}

	private static SimulatorAuthenticator.Call signed(String ak, String sk, Instant at, String projectHeader) {
		Map<String, String> signedHeaders = new LinkedHashMap<>();
		signedHeaders.put("X-Project-Id", projectHeader);
		SdkHmacSha256Signer.Signature signature = new SdkHmacSha256Signer().sign(
				new SdkHmacSha256Signer.SigningRequest("PUT", "127.0.0.1:8080", PATH, Map.of(), signedHeaders, BODY),
				ak, sk, SdkHmacSha256Signer.sdkDate(java.time.Clock.fixed(at, java.time.ZoneOffset.UTC)));
		HttpHeaders headers = new HttpHeaders();
		headers.set("Host", "127.0.0.1:8080");
		headers.set("X-Project-Id", projectHeader);
		headers.set("X-Sdk-Date", signature.sdkDate());
		headers.set("Authorization", signature.authorization());
		return call(headers);
	}

	private static SimulatorAuthenticator.Call call(HttpHeaders headers) {
		return new SimulatorAuthenticator.Call("vpc", PROJECT, "PUT", PATH, null, headers, BODY);
	}

}
