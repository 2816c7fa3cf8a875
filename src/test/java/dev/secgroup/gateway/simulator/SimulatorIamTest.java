package dev.secgroup.gateway.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IAM fake over HTTP: password and OIDC tokens issued with their expiry, refusals,
 * and the VPC fake accepting exactly the tokens it issued, for their project.
 */
class SimulatorIamTest extends SimulatorTestSupport {

	static final String TOKENS = "/simulator/iam/v3/auth/tokens";

	static final String ID_TOKENS = "/simulator/iam/v3.0/OS-AUTH/id-token/tokens";

	@Autowired
	VpcPortStore ports;

	@Autowired
	SimulatedIamTokens tokens;

	@BeforeEach
	void fresh() {
		ports.reset();
		tokens.reset();
	}

	@Test
	void issuesAProjectScopedTokenForTheDemoUsersPassword() {
		HttpResponse<String> response = post(TOKENS, null,
				password("demo-password-local-only", SimulatorVpcTest.PROJECT));

		assertThat(response.statusCode()).isEqualTo(201);
		String token = response.headers().firstValue("X-Subject-Token").orElseThrow();
		assertThat(token).startsWith("MII");
		JsonNode body = parse(response.body()).get("token");
		Instant expiresAt = Instant.parse(body.get("expires_at").asString());
		assertThat(body.get("expires_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
		assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
		assertThat(body.at("/project/id").asString()).isEqualTo(SimulatorVpcTest.PROJECT);

		assertThat(putWithToken(token, SimulatorVpcTest.PATH).statusCode()).isEqualTo(200);
		assertVpcError(
				putWithToken(token,
						SimulatorVpcTest.PATH.replace(SimulatorVpcTest.PROJECT, "0a1b2c3d4e5f60718293a4b5c6d7e8f9")),
				401, "APIGW.0301");
	}

	@Test
	void refusesAWrongPassword() {
		HttpResponse<String> response = post(TOKENS, null, password("guess", SimulatorVpcTest.PROJECT));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("X-Subject-Token")).isEmpty();
		assertThat(parse(response.body()).at("/error/message").asString())
			.isEqualTo("The username or password is wrong.");
		assertThat(tokens.size()).isZero();
	}

	@Test
	void issuesTokensScopedToAProjectOnly() {
		HttpResponse<String> response = post(TOKENS, null,
				"""
						{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo-user","password":"demo-password-local-only","domain":{"name":"demo-account"}}}}}}""");

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void exchangesAnUnexpiredIdTokenOfTheDemoIdentityProvider() {
		HttpResponse<String> response = post(ID_TOKENS, "demo-idp",
				idToken(jwt(Instant.now().plusSeconds(600)), SimulatorVpcTest.PROJECT));

		assertThat(response.statusCode()).isEqualTo(201);
		String token = response.headers().firstValue("X-Subject-Token").orElseThrow();
		assertThat(parse(response.body()).at("/token/user/name").asString()).isEqualTo("system:serviceaccount:demo:gw");
		assertThat(putWithToken(token, SimulatorVpcTest.PATH).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnExpiredIdTokenOrAnotherIdentityProvider() {
		assertThat(post(ID_TOKENS, "demo-idp", idToken(jwt(Instant.now().minusSeconds(1)), SimulatorVpcTest.PROJECT))
			.statusCode()).isEqualTo(401);
		assertThat(post(ID_TOKENS, "demo-idp", idToken("not-a-jwt", SimulatorVpcTest.PROJECT)).statusCode())
			.isEqualTo(401);
		assertThat(post(ID_TOKENS, "other-idp", idToken(jwt(Instant.now().plusSeconds(600)), SimulatorVpcTest.PROJECT))
			.statusCode()).isEqualTo(404);
		assertThat(tokens.size()).isZero();
	}

	@Test
	void theVpcFakeRefusesUnsignedCallsAndUnknownTokens() {
		assertVpcError(putWithToken(null, SimulatorVpcTest.PATH), 401, "APIGW.0301");
		assertVpcError(putWithToken("MIIforged", SimulatorVpcTest.PATH), 401, "APIGW.0301");
		assertThat(parse(putWithToken(null, SimulatorVpcTest.PATH).body()).get("error_msg").asString())
			.startsWith("Incorrect IAM authentication information: ");
	}

	private HttpResponse<String> post(String path, String idpId, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idpId != null) {
			request.header("X-Idp-Id", idpId);
		}
		return exchange(request);
	}

	private HttpResponse<String> putWithToken(String token, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(SimulatorVpcTest.DOC_REQUEST));
		if (token != null) {
			request.header("X-Auth-Token", token);
		}
		return exchange(request);
	}

	private static HttpResponse<String> exchange(HttpRequest.Builder request) {
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String password(String password, String projectId) {
		return "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo-user\","
				+ "\"password\":\"" + password + "\",\"domain\":{\"name\":\"demo-account\"}}}},"
				+ "\"scope\":{\"project\":{\"id\":\"" + projectId + "\"}}}}";
	}

	private static String idToken(String jwt, String projectId) {
		return "{\"auth\":{\"id_token\":{\"id\":\"" + jwt + "\"},\"scope\":{\"project\":{\"id\":\"" + projectId
				+ "\"}}}}";
	}

	/**
	 * An unsigned JWT ({@code alg: none}): the fake checks form and time, not signatures.
	 */
	static String jwt(Instant expiresAt) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		String claims = base64
			.encodeToString(("{\"sub\":\"system:serviceaccount:demo:gw\",\"exp\":" + expiresAt.getEpochSecond() + "}")
				.getBytes(StandardCharsets.UTF_8));
		return header + "." + claims + ".";
	}

}
