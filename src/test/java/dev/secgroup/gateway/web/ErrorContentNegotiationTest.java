package dev.secgroup.gateway.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every error writer (MVC exception handler, Spring Security's entry point and denied
 * handler, the firewall's rejection, the error controller, Tomcat's valve) answers
 * {@code application/json} unless {@code Accept} prefers
 * {@code application/problem+json}, with the same body either way: {@code error_code} and
 * {@code error_msg} as strings, and the {@code X-Request-Id} header.
 */
class ErrorContentNegotiationTest extends SecuredGatewayTestSupport {

	/**
	 * The Accept header, the Content-Type expected, and whether it admits the JSON the
	 * mirrored operations answer on success.
	 */
	static Stream<Arguments> accepts() {
		return Stream.of(arguments(null, "application/json", true), arguments("*/*", "application/json", true),
				arguments("application/json", "application/json", true),
				arguments("application/problem+json", "application/problem+json", false),
				arguments("application/problem+json;q=0.5, application/json", "application/json", true));
	}

	@ParameterizedTest(name = "Accept: {0}")
	@MethodSource("accepts")
	void everyErrorWriterNegotiatesTheSameWay(String accept, String expected, boolean acceptsJson) {
		List<String> checked = new ArrayList<>();
		for (ErrorKind kind : ErrorKind.values()) {
			HttpResponse<String> response = kind.send(this, accept);
			// A caller refusing application/json cannot be given the operation's success
			// answer: Spring refuses the call (406) before reading the body, also as a
			// problem of the type asked for.
			boolean refused = kind == ErrorKind.VALIDATION && !acceptsJson;
			int status = refused ? 406 : kind.status;
			String errorCode = refused ? "GW.0406" : kind.errorCode;

			assertThat(response.statusCode()).as(kind.name()).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(kind.name())
				.startsWith(expected);
			assertThat(response.headers().firstValue("X-Request-Id")).as(kind.name()).isPresent();
			JsonNode body = parse(response.body());
			assertThat(body.path("error_code").isString()).as(kind.name()).isTrue();
			assertThat(body.path("error_code").asString()).as(kind.name()).isEqualTo(errorCode);
			assertThat(body.path("error_msg").isString()).as(kind.name()).isTrue();
			assertThat(body.path("error_msg").asString()).as(kind.name()).isNotBlank();
			assertThat(body.path("status").asInt()).as(kind.name()).isEqualTo(status);
			checked.add(kind.name());
		}
		assertThat(checked).hasSize(ErrorKind.values().length);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	/**
	 * Accept headers that admit the operations' JSON (so the call reaches its handler),
	 * and the Content-Type an error must then have.
	 */
	static Stream<Arguments> acceptsAdmittingJson() {
		return Stream.of(arguments(null, "application/json"),
				arguments("application/problem+json, application/json;q=0.5", "application/problem+json"),
				arguments("application/problem+json;q=0.5, application/json", "application/json"));
	}

	/**
	 * The exception handlers name no Content-Type of their own: the gateway's (an
	 * upstream error) and those inherited for Spring's exceptions negotiate like every
	 * other error writer.
	 */
	@ParameterizedTest(name = "Accept: {0}")
	@MethodSource("acceptsAdmittingJson")
	void everyExceptionHandlerNegotiatesTheSameWay(String accept, String expected) {
		upstream.stubFor(WireMock.put(anyUrl())
			.willReturn(
					aResponse().withStatus(500).withBody("{\"error_code\":\"VPC.9999\",\"error_msg\":\"internal\"}")));
		String[] headers = ErrorKind.headers(accept);
		Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
		answers.put("VPC.9999", sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, headers));
		answers.put("GW.0405", sendWithKey("DELETE", VPC_PATH, KEY_A, null, headers));
		answers.put("GW.0415",
				send("PUT", VPC_PATH, "text/plain", VPC_BODY, concat(new String[] { "X-Api-Key", KEY_A }, headers)));

		assertThat(answers).allSatisfy((errorCode, response) -> {
			assertThat(parse(response.body()).path("error_code").asString()).isEqualTo(errorCode);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(errorCode).startsWith(expected);
		});
	}

	@Test
	void theOpenApiDocumentDeclaresTheSecurityErrorsAsJsonAndProblemJson() {
		JsonNode document = parse(send("GET", "/v3/api-docs", null, null).body());
		JsonNode responses = document.path("paths")
			.path("/v3/{project_id}/ports/{port_id}/insert-security-groups")
			.path("put")
			.path("responses");

		for (String status : List.of("401", "403")) {
			JsonNode content = responses.path(status).path("content");
			assertThat(content.has("application/json")).as(status).isTrue();
			assertThat(content.has("application/problem+json")).as(status).isTrue();
		}
	}

	/** One error per writer. */
	private enum ErrorKind {

		/** ApiExceptionHandler. */
		VALIDATION(400, "GW.0400") {
			@Override
			HttpResponse<String> send(ErrorContentNegotiationTest test, String accept) {
				return test.sendWithKey("PUT", VPC_PATH, KEY_A, "{\"port\":{}}", headers(accept));
			}
		},

		/** The security entry point. */
		UNAUTHENTICATED(401, "GW.0401") {
			@Override
			HttpResponse<String> send(ErrorContentNegotiationTest test, String accept) {
				return test.sendWithKey("PUT", VPC_PATH, null, VPC_BODY, headers(accept));
			}
		},

		/** The access denied handler. */
		FORBIDDEN(403, "GW.0403") {
			@Override
			HttpResponse<String> send(ErrorContentNegotiationTest test, String accept) {
				return test.sendWithKey("PUT", VPC_PATH, KEY_C, VPC_BODY, headers(accept));
			}
		},

		/** The firewall's rejection handler. */
		FIREWALL(400, "GW.0400") {
			@Override
			HttpResponse<String> send(ErrorContentNegotiationTest test, String accept) {
				return test.sendWithKey("PUT", "/v3/" + PROJECT + "/ports/a%2Fb/insert-security-groups", KEY_A,
						VPC_BODY, headers(accept));
			}
		},

		/** The error controller (an unknown path of an authenticated client). */
		NOT_FOUND(404, "GW.0404") {
			@Override
			HttpResponse<String> send(ErrorContentNegotiationTest test, String accept) {
				return test.sendWithKey("GET", "/v3/nothing-here", KEY_A, null, headers(accept));
			}
		},

		/** Tomcat's error report valve. */
		CONTAINER(400, "GW.0400") {
			@Override
			HttpResponse<String> send(ErrorContentNegotiationTest test, String accept) {
				return test.sendWithKey("PUT", "/v3/" + PROJECT + "/ports/%00/insert-security-groups", KEY_A, VPC_BODY,
						headers(accept));
			}
		};

		final int status;

		final String errorCode;

		ErrorKind(int status, String errorCode) {
			this.status = status;
			this.errorCode = errorCode;
		}

		abstract HttpResponse<String> send(ErrorContentNegotiationTest test, String accept);

		static String[] headers(String accept) {
			return accept == null ? new String[0] : new String[] { "Accept", accept };
		}

	}

}
