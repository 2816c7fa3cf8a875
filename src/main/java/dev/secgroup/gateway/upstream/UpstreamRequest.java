package dev.secgroup.gateway.upstream;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One call to an upstream, as a feature describes it: everything the adapter needs to
 * build the URI, authenticate, send and decide on retries.
 *
 * @param operation operation name for logs and metrics, e.g.
 * {@code vpc:AddSecurityGroups}
 * @param method HTTP method
 * @param pathTemplate path below the endpoint with {@code {name}} variables, e.g.
 * {@code /v3/{project_id}/ports/{port_id}/insert-security-groups}
 * @param pathVariables values of the template variables, raw (they are encoded here)
 * @param query query parameters, decoded (they are encoded here)
 * @param body exact bytes to send (serialized once: what is signed is what is sent)
 * @param projectId the Huawei project the call is for (region routing, token scope)
 * @param requestId the gateway's request id, sent as {@code X-Request-Id}
 * @param idempotent whether the call may be repeated after upstream may have acted on it
 * (retry table of docs/architecture.md: PUT yes, POST no)
 * @param callerToken the caller's own {@code X-Auth-Token}, used only by pass-through
 * credentials
 * @param headers further request headers the API needs (e.g. IAM's {@code X-Idp-Id}); set
 * after the adapter's own, so they may replace them (e.g. {@code Content-Type})
 */
public record UpstreamRequest(String operation, HttpMethod method, String pathTemplate,
		Map<String, String> pathVariables, MultiValueMap<String, String> query, byte[] body, String projectId,
		String requestId, boolean idempotent, String callerToken, HttpHeaders headers) {

	public UpstreamRequest {
		pathVariables = new LinkedHashMap<>(pathVariables);
		query = new LinkedMultiValueMap<>(query);
		body = body == null ? new byte[0] : body;
		headers = HttpHeaders.readOnlyHttpHeaders(headers == null ? new HttpHeaders() : HttpHeaders.copyOf(headers));
	}

	/** A request without further headers (what VPC and HSS calls need). */
	public UpstreamRequest(String operation, HttpMethod method, String pathTemplate, Map<String, String> pathVariables,
			MultiValueMap<String, String> query, byte[] body, String projectId, String requestId, boolean idempotent,
			String callerToken) {
		this(operation, method, pathTemplate, pathVariables, query, body, projectId, requestId, idempotent, callerToken,
				null);
	}

	@Override
	public String toString() {
		// No body, no caller token and no header values: this may end up in a log line.
		return "UpstreamRequest[" + operation + " " + method + " " + pathTemplate + " " + pathVariables + " " + query
				+ " bytes=" + body.length + "]";
	}

}
