package dev.secgroup.gateway.credentials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.upstream.UpstreamBusyException;
import dev.secgroup.gateway.upstream.UpstreamCircuitOpenException;
import dev.secgroup.gateway.upstream.UpstreamClient;
import dev.secgroup.gateway.upstream.UpstreamCredentialsException;
import dev.secgroup.gateway.upstream.UpstreamCredentialsException.Reason;
import dev.secgroup.gateway.upstream.UpstreamError;
import dev.secgroup.gateway.upstream.UpstreamErrorException;
import dev.secgroup.gateway.upstream.UpstreamException;
import dev.secgroup.gateway.upstream.UpstreamRequest;
import dev.secgroup.gateway.upstream.UpstreamResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.MultiValueMap;

/**
 * Asks IAM for a project-scoped token through IAM's own adapter
 * ({@code gateway.upstreams.iam.*}: its timeouts, retries and circuit breaker; no gateway
 * credentials of its own) and reads the answer as docs/huawei-cloud.md "IAM tokens"
 * describes it: the token in the {@code X-Subject-Token} header, its expiry in
 * {@code token.expires_at}. Every failure becomes an {@link UpstreamCredentialsException}
 * carrying IAM's status, error code and request id.
 */
final class IamTokenClient {

	static final String SUBJECT_TOKEN = "X-Subject-Token";

	private static final String IAM = "iam";

	private final UpstreamClient iam;

	private final ObjectMapper json;

	private final Clock clock;

	private final Duration refreshMargin;

	IamTokenClient(UpstreamClient iam, ObjectMapper json, Clock clock, Duration refreshMargin) {
		this.iam = iam;
		this.json = json;
		this.clock = clock;
		this.refreshMargin = refreshMargin;
	}

	/**
	 * POSTs {@code body} to IAM and reads the token it issues.
	 * @param operation name for logs and metrics, e.g.
	 * {@code iam:KeystoneCreateUserTokenByPassword}
	 * @param path IAM path, e.g. {@code /v3/auth/tokens}
	 * @param query query parameters (decoded)
	 * @param body the request record, serialized once here
	 * @param headers further headers (e.g. {@code X-Idp-Id})
	 * @param projectId the project the token is scoped to
	 */
	Mono<IamToken> issue(String operation, String path, MultiValueMap<String, String> query, Object body,
			HttpHeaders headers, String projectId) {
		return Mono.defer(() -> {
			// Issuing a token changes nothing that a repeat could break: safe to retry
			// like a PUT.
			UpstreamRequest request = UpstreamRequest.to(operation, HttpMethod.POST, path)
				.query(query)
				.body(json.writeValueAsBytes(body))
				.project(projectId)
				.idempotent(true)
				.headers(headers)
				.build();
			return iam.exchange(request);
		})
			.onErrorMap(UpstreamException.class, error -> failure(error, projectId))
			.flatMap(response -> Mono.fromCallable(() -> token(response, projectId)));
	}

	private IamToken token(UpstreamResponse response, String projectId) {
		if (response.status() != 200 && response.status() != 201) {
			throw invalid(projectId, "IAM answered HTTP " + response.status() + " instead of 201", response);
		}
		String value = response.headers().getFirst(SUBJECT_TOKEN);
		if (value == null || value.isBlank()) {
			throw invalid(projectId, "IAM answered without an " + SUBJECT_TOKEN + " header", response);
		}
		JsonNode token;
		try {
			JsonNode root = json.readTree(response.body());
			token = root == null ? null : root.get("token");
		}
		catch (JacksonException notJson) {
			throw invalid(projectId, "IAM's answer is not JSON", response);
		}
		if (token == null || !token.isObject()) {
			throw invalid(projectId, "IAM's answer has no token object", response);
		}
		Instant expiresAt = expiresAt(text(token.get("expires_at")));
		if (expiresAt == null) {
			throw invalid(projectId, "IAM's answer has no readable token.expires_at", response);
		}
		Instant now = clock.instant();
		if (!expiresAt.isAfter(now)) {
			throw invalid(projectId,
					"IAM issued a token that expired at " + expiresAt + " (is the gateway's clock right?)", response);
		}
		JsonNode project = token.get("project");
		String scopedTo = project == null ? null : text(project.get("id"));
		if (scopedTo != null && !scopedTo.equals(projectId)) {
			throw invalid(projectId, "IAM issued a token scoped to another project (" + scopedTo + ")", response);
		}
		return IamToken.issued(value, expiresAt, now, refreshMargin);
	}

	private static String text(JsonNode node) {
		return node != null && node.isString() ? node.stringValue() : null;
	}

	/**
	 * {@code 2019-02-13T06:52:13.855000Z} (IAM's form), any ISO offset, or no offset
	 * meaning UTC.
	 */
	static Instant expiresAt(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static UpstreamCredentialsException invalid(String projectId, String what, UpstreamResponse response) {
		UpstreamError error = new UpstreamError(null, null, response.upstreamRequestId());
		return new UpstreamCredentialsException(IAM, Reason.IAM_INVALID_ANSWER,
				"No usable IAM token for project " + projectId + ": " + what + ".", response.status(), error, null,
				null);
	}

	private static UpstreamCredentialsException failure(UpstreamException error, String projectId) {
		if (error instanceof UpstreamCredentialsException credentials) {
			return credentials;
		}
		if (error instanceof UpstreamErrorException answered) {
			int status = answered.response().status();
			UpstreamError iamError = answered.error();
			boolean unavailable = status == 429 || status >= 500;
			String retryAfter = answered.response().headers().getFirst(HttpHeaders.RETRY_AFTER);
			return new UpstreamCredentialsException(IAM, unavailable ? Reason.IAM_UNAVAILABLE : Reason.IAM_REFUSED,
					(unavailable ? "IAM could not issue a token for project "
							: "IAM refused to issue a token for project ") + projectId + ": HTTP " + status
							+ describe(iamError) + ".",
					status, iamError, unavailable ? seconds(retryAfter) : null, error);
		}
		Duration retryAfter = error instanceof UpstreamCircuitOpenException open ? open.retryAfter()
				: error instanceof UpstreamBusyException busy ? busy.retryAfter() : null;
		return new UpstreamCredentialsException(IAM, Reason.IAM_UNAVAILABLE,
				"IAM could not issue a token for project " + projectId + ": " + error.getMessage() + ".", null, null,
				retryAfter, error);
	}

	private static String describe(UpstreamError error) {
		StringBuilder text = new StringBuilder();
		if (error.code() != null) {
			text.append(' ').append(error.code());
		}
		if (error.message() != null) {
			text.append(' ').append(error.message());
		}
		return text.toString();
	}

	private static Duration seconds(String retryAfter) {
		if (retryAfter == null || !retryAfter.trim().matches("\\d{1,6}")) {
			return null;
		}
		return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
	}

}
