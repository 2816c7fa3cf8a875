package dev.secgroup.gateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.hss.HssValidationCases;
import dev.secgroup.gateway.support.RequestCase;
import dev.secgroup.gateway.support.RequestCase.Call;
import dev.secgroup.gateway.support.RequestCase.Rejection;
import dev.secgroup.gateway.support.RequestValidationSupport;
import dev.secgroup.gateway.vpc.VpcValidationCases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows of the validation matrix that hold for every mirrored operation: a body that
 * is not JSON, a media type, size or method the gateway does not take, a path no
 * operation has. Each is answered with problem+json and never reaches upstream. The
 * per-operation rows are in {@code hss.HssRequestValidationTest} and
 * {@code vpc.VpcRequestValidationTest}.
 */
class ValidationMatrixTest extends RequestValidationSupport {

	private static final String JSON = RequestCase.JSON;

	private static final int LIMIT = RequestCase.BODY_LIMIT;

	/** HTTP/1.1 only, so that a body of unknown length goes out chunked. */
	private static final HttpClient http11 = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static Stream<Rejection> bodiesThatAreNotJson() {
		return Stream.of(vpcBody("malformed JSON", "{\"port\":{\"security_groups\":[\"a\"]"),
				vpcBody("trailing comma", "{\"port\":{\"security_groups\":[\"a\"],}}"),
				vpcBody("unescaped line feed in a string", "{\"port\":{\"security_groups\":[\"a\nb\"]}}"),
				vpcBody("empty body", ""), vpcBody("JSON null as the body", "null"),
				vpcBody("JSON array as the body", "[]"), vpcBody("JSON string as the body", "\"port\""),
				hssBody("malformed JSON", "{\"policy_name\":"), hssBody("empty body", ""),
				hssBody("JSON null as the body", "null"), hssBody("JSON array as the body", "[" + HSS_BODY + "]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodiesThatAreNotJson")
	void bodyThatIsNotAJsonObjectIsRejectedNamingTheBody(Rejection rejection) {
		assertRejected(rejection);
	}

	// ---------------------------------------------------------------- rejected: media
	// type, size, routing

	static Stream<Rejection> refusedBeforeValidation() {
		return Stream.of(
				refused("VPC: text/plain body", new Call("PUT", VPC_PATH, "text/plain", VPC_BODY), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("VPC: application/xml body", new Call("PUT", VPC_PATH, "application/xml", "<port/>"), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("VPC: no Content-Type", new Call("PUT", VPC_PATH, null, VPC_BODY), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("HSS: text/plain body", new Call("POST", HSS_PATH, "text/plain", HSS_BODY), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("HSS: form body",
						new Call("POST", HSS_PATH, "application/x-www-form-urlencoded", "policy_name=x"), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("VPC: unknown operation",
						new Call("PUT", "/v3/" + PROJECT + "/ports/" + PORT_ID + "/remove-security-groups", JSON,
								VPC_BODY),
						404, ErrorCodes.NOT_FOUND),
				refused("HSS: unknown operation", new Call("POST", HSS_PATH + "s", JSON, HSS_BODY), 404,
						ErrorCodes.NOT_FOUND),
				refused("unknown API version", new Call("PUT", VPC_PATH.replace("/v3/", "/v2/"), JSON, VPC_BODY), 404,
						ErrorCodes.NOT_FOUND),
				refused("VPC: body of 64 KiB + 1 byte with Content-Length",
						new Call("PUT", VPC_PATH, JSON, RequestCase.padded(VPC_BODY, LIMIT + 1)), 413,
						ErrorCodes.PAYLOAD_TOO_LARGE),
				refused("HSS: body of 64 KiB + 1 byte with Content-Length",
						new Call("POST", HSS_PATH, JSON, RequestCase.padded(HSS_BODY, LIMIT + 1)), 413,
						ErrorCodes.PAYLOAD_TOO_LARGE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedBeforeValidation")
	void requestTheGatewayCannotTakeIsRefusedWithProblem(Rejection rejection) {
		assertRejected(rejection);
	}

	static Stream<Object[]> wrongMethods() {
		return Stream.of(new Object[] { "GET", VPC_PATH, "PUT" }, new Object[] { "POST", VPC_PATH, "PUT" },
				new Object[] { "DELETE", VPC_PATH, "PUT" }, new Object[] { "GET", HSS_PATH, "POST" },
				new Object[] { "PUT", HSS_PATH, "POST" });
	}

	@ParameterizedTest(name = "{0} {1} -> 405, Allow: {2}")
	@MethodSource("wrongMethods")
	void wrongMethodAnswers405WithAllow(String method, String path, String allowed) {
		HttpResponse<String> response = send(method, path, JSON, method.equals("GET") ? null : "{}");

		assertNothingSentUpstream();
		assertProblem(response, 405, ErrorCodes.METHOD_NOT_ALLOWED);
		assertThat(response.headers().allValues("Allow")).isNotEmpty();
		assertThat(String.join(",", response.headers().allValues("Allow"))).contains(allowed);
	}

	static Stream<Object[]> oversizedBodies() {
		// Well-formed JSON up to the limit: only the size can stop it, and only while
		// reading.
		String huge = "x".repeat(LIMIT + 4096);
		return Stream.of(
				new Object[] { "VPC", "PUT", VPC_PATH,
						VpcValidationCases
							.vpc(b -> ((ObjectNode) b.get("port")).putArray("security_groups").add(huge)) },
				new Object[] { "HSS", "POST", HSS_PATH, HssValidationCases.hss(b -> b.put("policy_name", huge)) });
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oversizedBodies")
	void chunkedBodyOver64KiBIsRefusedWith413WhileReading(String name, String method, String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", JSON)
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("unknown length: sent chunked")
			.isNegative();

		HttpResponse<String> response = exchange(request);

		assertNothingSentUpstream();
		JsonNode problem = assertProblem(response, 413, ErrorCodes.PAYLOAD_TOO_LARGE);
		assertThat(problem.has("violations")).isFalse();
	}

	@Test
	void nulByteInPathIsRefusedByTomcatWithoutReachingUpstream() {
		HttpResponse<String> response = put(VpcValidationCases.path(PROJECT, "%00"), VPC_BODY);

		assertNothingSentUpstream();
		assertThat(response.statusCode()).isEqualTo(400);
		// Tomcat refuses the URI before any filter or servlet runs, so the gateway never
		// sees it:
		// the answer is the container's own minimal page, not problem+json, and has no
		// X-Request-Id.
		assertThat(response.body()).doesNotContain("Exception", "Apache Tomcat/");
	}

	private static HttpResponse<String> exchange(HttpRequest request) {
		try {
			return http11.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Rejection vpcBody(String name, String body) {
		return new Rejection("VPC: " + name, new Call("PUT", VPC_PATH, JSON, body), 400, ErrorCodes.VALIDATION,
				List.of("body"), RequestCase.Rule.GATEWAY);
	}

	private static Rejection hssBody(String name, String body) {
		return new Rejection("HSS: " + name, new Call("POST", HSS_PATH, JSON, body), 400, ErrorCodes.VALIDATION,
				List.of("body"), RequestCase.Rule.GATEWAY);
	}

	private static Rejection refused(String name, Call call, int status, String errorCode) {
		return new Rejection(name, call, status, errorCode, List.of(), RequestCase.Rule.GATEWAY);
	}

}
