package dev.secgroup.gateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import io.swagger.v3.oas.annotations.Hidden;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake IAM token issuing (docs/huawei-cloud.md "IAM tokens"), under
 * {@code /simulator/iam}:
 * <ul>
 * <li>{@code POST /v3/auth/tokens}: password method, for the configured user, scoped to a
 * project id;</li>
 * <li>{@code POST /v3.0/OS-AUTH/id-token/tokens} with {@code X-Idp-Id}: an OIDC ID token
 * of the configured identity provider, scoped to a project id.</li>
 * </ul>
 * Success is 201 with the token in {@code X-Subject-Token} and
 * {@code {"token":{"expires_at",...}}} ({@code gateway.simulator.iam.token-lifetime});
 * the fakes then accept that token for that project until it expires. Refusals use
 * Keystone's error shape {@code {"error":{"code","title","message"}}} (the simulator's
 * choice; Huawei publishes no sample).
 * <p>
 * The ID token is checked for form and time only: a JWT whose payload has a {@code sub}
 * and an {@code exp} in the future. Its signature is <b>not</b> verified (the simulator
 * knows no issuer's keys), so any well-formed unexpired JWT will do for a demo.
 */
@Hidden
@RestController
@Profile("local")
@RequestMapping("/simulator/iam")
class IamSimulatorController {

	static final String SUBJECT_TOKEN = "X-Subject-Token";

	static final DateTimeFormatter IAM_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final SimulatorProperties.Iam iam;

	private final SimulatedIamTokens tokens;

	private final ObjectMapper json;

	private final Clock clock;

	IamSimulatorController(SimulatorProperties properties, SimulatedIamTokens tokens, ObjectMapper json, Clock clock) {
		this.iam = properties.iam();
		this.tokens = tokens;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping("/v3/auth/tokens")
	ResponseEntity<JsonNode> passwordToken(@RequestBody(required = false) byte @Nullable [] body) {
		JsonNode auth = read(body).path("auth");
		JsonNode identity = auth.path("identity");
		JsonNode user = identity.path("password").path("user");
		String projectId = text(auth.path("scope").path("project").path("id"));
		if (!contains(identity.path("methods"), "password") || text(user.path("name")) == null
				|| text(user.path("password")) == null || text(user.path("domain").path("name")) == null) {
			return error(HttpStatus.BAD_REQUEST, "The request body is not a password authentication.");
		}
		if (projectId == null) {
			return error(HttpStatus.BAD_REQUEST,
					"The simulator issues project-scoped tokens only: set scope.project.id.");
		}
		boolean known = same(iam.userName(), text(user.path("name")))
				&& same(iam.password(), text(user.path("password")))
				&& same(iam.domainName(), text(user.path("domain").path("name")));
		if (!known) {
			return error(HttpStatus.UNAUTHORIZED, "The username or password is wrong.");
		}
		return issued(tokens.issue(projectId, iam.userName(), "password"));
	}

	@PostMapping("/v3.0/OS-AUTH/id-token/tokens")
	ResponseEntity<JsonNode> idToken(@RequestHeader(name = "X-Idp-Id", required = false) @Nullable String idpId,
			@RequestBody(required = false) byte @Nullable [] body) {
		if (idpId == null || !same(iam.idpId(), idpId)) {
			return error(HttpStatus.NOT_FOUND, "Could not find the identity provider given in X-Idp-Id.");
		}
		JsonNode auth = read(body).path("auth");
		String idToken = text(auth.path("id_token").path("id"));
		String projectId = text(auth.path("scope").path("project").path("id"));
		if (idToken == null) {
			return error(HttpStatus.BAD_REQUEST, "auth.id_token.id is mandatory.");
		}
		if (projectId == null) {
			return error(HttpStatus.BAD_REQUEST,
					"The simulator issues project-scoped tokens only: set scope.project.id.");
		}
		String subject = subjectOfUnexpired(idToken);
		if (subject == null) {
			return error(HttpStatus.UNAUTHORIZED, "The ID token is malformed or has expired.");
		}
		return issued(tokens.issue(projectId, subject, "mapped"));
	}

	private ResponseEntity<JsonNode> issued(SimulatedIamTokens.IssuedToken token) {
		ObjectNode body = nodes.objectNode();
		ObjectNode details = body.putObject("token");
		details.put("expires_at", IAM_TIME.format(token.expiresAt()));
		details.put("issued_at", IAM_TIME.format(token.issuedAt()));
		details.putArray("methods").add(token.method());
		details.putObject("project").put("id", token.projectId());
		details.putObject("user").put("name", token.subject());
		ResponseEntity<JsonNode> answer = HuaweiResponses.json(HttpStatus.CREATED, body,
				HuaweiResponses.newRequestId());
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header(SUBJECT_TOKEN, token.value())
			.body(answer.getBody());
	}

	/**
	 * The {@code sub} of a JWT whose {@code exp} is in the future; {@code null}
	 * otherwise.
	 */
	private @Nullable String subjectOfUnexpired(String jwt) {
		String[] parts = jwt.split("\\.", -1);
		if (parts.length != 3) {
			return null;
		}
		try {
			JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
			JsonNode exp = claims.path("exp");
			String subject = text(claims.path("sub"));
			if (!exp.isNumber() || subject == null
					|| !Instant.ofEpochSecond(exp.longValue()).isAfter(clock.instant())) {
				return null;
			}
			return subject;
		}
		catch (IllegalArgumentException | JacksonException malformed) {
			return null;
		}
	}

	private JsonNode read(byte @Nullable [] body) {
		try {
			JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
			return node == null ? nodes.missingNode() : node;
		}
		catch (JacksonException notJson) {
			return nodes.missingNode();
		}
	}

	private static boolean contains(JsonNode array, String value) {
		if (!array.isArray()) {
			return false;
		}
		for (JsonNode item : array) {
			if (item.isString() && value.equals(item.stringValue())) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() && !node.stringValue().isEmpty() ? node.stringValue() : null;
	}

	/** Constant-time, so the fake does not teach timing attacks by example. */
	private static boolean same(@Nullable String expected, @Nullable String given) {
		if (expected == null || given == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<JsonNode> error(HttpStatusCode status, String message) {
		ObjectNode body = nodes.objectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", status.value());
		error.put("title", status instanceof HttpStatus known ? known.getReasonPhrase() : "Error");
		error.put("message", message);
		return HuaweiResponses.json(status, body, HuaweiResponses.newRequestId());
	}

}
