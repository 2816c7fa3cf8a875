package dev.secgroup.gateway.simulator;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The seam where the simulator checks how the gateway proves itself, as Huawei's API
 * Gateway does in front of every service: AK/SK signatures ({@code SDK-HMAC-SHA256}) and
 * IAM tokens ({@code X-Auth-Token}) issued by the IAM fake
 * ({@link VerifyingSimulatorAuthenticator}). Every fake calls it first, before reading
 * the body, so that the credential modes are tested end to end against a local upstream
 * that really refuses bad credentials.
 * <p>
 * A refusal is rendered by the fake in API Gateway shape
 * ({@code {"error_msg","error_code","request_id"}}, e.g. {@code APIGW.0301} with 401),
 * whatever the service behind it.
 */
public interface SimulatorAuthenticator {

	/**
	 * Decides whether a call to a fake carries valid credentials.
	 * @param call the call exactly as it arrived
	 * @return {@link Verdict#allow()} or a refusal
	 */
	Verdict authenticate(Call call);

	/**
	 * One call to a fake, with everything a signature covers.
	 *
	 * @param service which fake is called: {@code vpc}, {@code hss}
	 * @param projectId the project of the path, which a token must be scoped to
	 * @param method HTTP method
	 * @param rawPath the request path as sent (still percent-encoded), including
	 * {@code /simulator/...}
	 * @param rawQuery the query string as sent, or {@code null}
	 * @param headers the request headers
	 * @param body the body bytes (empty when none)
	 */
	record Call(String service, String projectId, String method, String rawPath, @Nullable String rawQuery,
			HttpHeaders headers, byte[] body) {
	}

	/**
	 * The outcome: allowed, or refused with an API Gateway status, code and message.
	 *
	 * @param allowed whether the call may proceed
	 * @param status HTTP status of the refusal (0 when allowed)
	 * @param errorCode API Gateway error code of the refusal, e.g. {@code APIGW.0301}
	 * @param errorMsg message of the refusal
	 */
	record Verdict(boolean allowed, int status, @Nullable String errorCode, @Nullable String errorMsg) {

		public Verdict {
			if (!allowed && (status < 400 || status > 599 || errorCode == null || errorMsg == null)) {
				throw new IllegalArgumentException("A refusal needs a 4xx/5xx status, a code and a message");
			}
		}

		public static Verdict allow() {
			return new Verdict(true, 0, null, null);
		}

		public static Verdict deny(int status, String errorCode, String errorMsg) {
			return new Verdict(false, status, errorCode, errorMsg);
		}

	}

}
