package dev.secgroup.gateway.simulator;

import java.util.Collections;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the fakes have in common with Huawei's answers: every answer carries a fresh
 * {@code X-Request-Id} (the only request id the Huawei SDKs read), and errors come in the
 * body shape of the layer that produced them (API Gateway, VPC v3, HSS v5).
 */
final class HuaweiResponses {

	static final String REQUEST_ID = "X-Request-Id";

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private HuaweiResponses() {
	}

	/** Upstream's own id, never the caller's: the gateway must not confuse the two. */
	static String newRequestId() {
		return UUID.randomUUID().toString();
	}

	static ResponseEntity<JsonNode> json(HttpStatusCode status, JsonNode body, String requestId) {
		return ResponseEntity.status(status)
			.header(REQUEST_ID, requestId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	/**
	 * VPC v3 error: {@code {"error_msg","error_code","request_id"}}, the shape the v3
	 * port API reference gives for its 4xx answers (e.g. "Querying Port Tags").
	 */
	static ResponseEntity<JsonNode> vpcError(HttpStatusCode status, String code, String message, String requestId) {
		ObjectNode body = nodes.objectNode();
		body.put("error_msg", message);
		body.put("error_code", code);
		body.put("request_id", requestId);
		return json(status, body, requestId);
	}

	/**
	 * HSS v5 error: {@code {"error_code","error_description","error_msg"}}, as real HSS
	 * bodies are quoted (docs/huawei-cloud.md "Error bodies and request ids"); HSS puts
	 * no request id in the body.
	 */
	static ResponseEntity<JsonNode> hssError(HttpStatusCode status, String code, String message, String requestId) {
		ObjectNode body = nodes.objectNode();
		body.put("error_code", code);
		body.put("error_description", message);
		body.put("error_msg", message);
		return json(status, body, requestId);
	}

	/**
	 * API Gateway error (in front of every service):
	 * {@code {"error_msg","error_code","request_id"}}.
	 */
	static ResponseEntity<JsonNode> apiGatewayError(HttpStatusCode status, String code, String message,
			String requestId) {
		return vpcError(status, code, message, requestId);
	}

	static ResponseEntity<JsonNode> refused(SimulatorAuthenticator.Verdict verdict, String requestId) {
		return apiGatewayError(HttpStatusCode.valueOf(verdict.status()), String.valueOf(verdict.errorCode()),
				String.valueOf(verdict.errorMsg()), requestId);
	}

	/** The call as the authenticator sees it. */
	static SimulatorAuthenticator.Call call(String service, String projectId, HttpServletRequest request, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.addAll(name, Collections.list(request.getHeaders(name)));
		}
		return new SimulatorAuthenticator.Call(service, projectId, request.getMethod(), request.getRequestURI(),
				request.getQueryString(), headers, body);
	}

	/** The body as a JSON tree; {@code null} when there is no body. */
	static @Nullable JsonNode readJson(ObjectMapper json, byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return json.readTree(body);
		}
		catch (JacksonException notJson) {
			throw new InvalidRequestException("The request body is not valid JSON.");
		}
	}

}
