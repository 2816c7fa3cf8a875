package dev.secgroup.gateway.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;

import org.springframework.http.HttpHeaders;

/**
 * What Huawei's API Gateway checks in front of VPC and HSS, done for the fakes: a call
 * must carry either an {@code X-Auth-Token} the IAM fake issued, unexpired and scoped to
 * the project of the path, or a valid {@code SDK-HMAC-SHA256} signature by the configured
 * access key, recomputed with its secret key, dated within 15 minutes, and (when it names
 * one) for the project of the path. Anything else is refused like Huawei does: 401
 * {@code APIGW.0301} "Incorrect IAM authentication information: ...", the reason never
 * holding a secret.
 */
final class VerifyingSimulatorAuthenticator implements SimulatorAuthenticator {

	static final String INCORRECT_AUTHENTICATION = "APIGW.0301";

	private static final String AUTH_TOKEN = "X-Auth-Token";

	private static final String PROJECT_ID = "X-Project-Id";

	private final SimulatedIamTokens tokens;

	private final SdkHmacSha256Verifier signatures;

	VerifyingSimulatorAuthenticator(SimulatedIamTokens tokens, SdkHmacSha256Verifier signatures) {
		this.tokens = tokens;
		this.signatures = signatures;
	}

	@Override
	public Verdict authenticate(Call call) {
		String token = call.headers().getFirst(AUTH_TOKEN);
		if (token != null) {
			return tokens.refusal(token, call.projectId())
				.map(VerifyingSimulatorAuthenticator::refused)
				.orElse(Verdict.allow());
		}
		if (call.headers().getFirst(HttpHeaders.AUTHORIZATION) != null) {
			return checkSignature(call);
		}
		return refused("no X-Auth-Token and no SDK-HMAC-SHA256 Authorization header");
	}

	private Verdict checkSignature(Call call) {
		Map<String, List<String>> query;
		try {
			query = SdkHmacSha256Verifier.decodeQuery(call.rawQuery());
		}
		catch (IllegalArgumentException malformed) {
			return refused("malformed query string");
		}
		Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
		call.headers().forEach(headers::put);
		String host = Optional.ofNullable(call.headers().getFirst(HttpHeaders.HOST)).orElse("localhost");
		SdkHmacSha256Verifier.Verification verification = signatures.verify(new SdkHmacSha256Verifier.ReceivedRequest(
				call.method(), host, call.rawPath(), query, headers, call.body()));
		if (!verification.ok()) {
			return refused(verification.reason());
		}
		String projectId = call.headers().getFirst(PROJECT_ID);
		if (projectId != null && !projectId.equals(call.projectId())) {
			return refused("X-Project-Id is not the project of the path");
		}
		return Verdict.allow();
	}

	private static Verdict refused(String reason) {
		return Verdict.deny(401, INCORRECT_AUTHENTICATION, "Incorrect IAM authentication information: " + reason);
	}

}
