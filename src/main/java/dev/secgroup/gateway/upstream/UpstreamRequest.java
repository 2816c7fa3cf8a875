package dev.secgroup.gateway.upstream;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.secgroup.gateway.call.MirroredOperation;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One call to an upstream, as a feature describes it: everything the adapter needs to
 * build the URI, authenticate, send and decide on retries. Made with named steps:
 * {@code UpstreamRequest.to(OPERATION).pathVariable("project_id", p).body(bytes)...build()}.
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

	/**
	 * A call of a mirrored operation: its name, method, path template and idempotency as
	 * the operation declares them.
	 */
	public static Builder to(MirroredOperation operation) {
		return new Builder(operation.name(), operation.method(), operation.path()).idempotent(operation.idempotent());
	}

	/**
	 * A call of an upstream operation the gateway does not mirror (e.g. IAM's token
	 * issuance); not idempotent unless {@link Builder#idempotent(boolean)} says so.
	 */
	public static Builder to(String operation, HttpMethod method, String pathTemplate) {
		return new Builder(operation, method, pathTemplate);
	}

	@Override
	public String toString() {
		// No body, no caller token and no header values: this may end up in a log line.
		return "UpstreamRequest[" + operation + " " + method + " " + pathTemplate + " " + pathVariables + " " + query
				+ " bytes=" + body.length + "]";
	}

	/** The named steps of an {@link UpstreamRequest}. */
	public static final class Builder {

		private final String operation;

		private final HttpMethod method;

		private final String pathTemplate;

		private final Map<String, String> pathVariables = new LinkedHashMap<>();

		private final MultiValueMap<String, String> query = new LinkedMultiValueMap<>();

		private byte[] body;

		private String projectId;

		private String requestId;

		private boolean idempotent;

		private String callerToken;

		private HttpHeaders headers;

		private Builder(String operation, HttpMethod method, String pathTemplate) {
			this.operation = operation;
			this.method = method;
			this.pathTemplate = pathTemplate;
		}

		/** The value of a template variable, raw (it is encoded by the adapter). */
		public Builder pathVariable(String name, String value) {
			pathVariables.put(name, value);
			return this;
		}

		/** Adds a query parameter, decoded; a {@code null} value adds nothing. */
		public Builder query(String name, String value) {
			if (value != null) {
				query.add(name, value);
			}
			return this;
		}

		/** Adds query parameters, decoded. */
		public Builder query(MultiValueMap<String, String> parameters) {
			query.addAll(parameters);
			return this;
		}

		/** The exact bytes to send. */
		public Builder body(byte[] body) {
			this.body = body;
			return this;
		}

		/** The Huawei project the call is for (region routing, token scope). */
		public Builder project(String projectId) {
			this.projectId = projectId;
			return this;
		}

		/** The gateway's request id, sent as {@code X-Request-Id}. */
		public Builder requestId(String requestId) {
			this.requestId = requestId;
			return this;
		}

		/** Whether upstream may be called again after it may have acted. */
		public Builder idempotent(boolean idempotent) {
			this.idempotent = idempotent;
			return this;
		}

		/** The caller's own {@code X-Auth-Token}, for pass-through credentials. */
		public Builder callerToken(String callerToken) {
			this.callerToken = callerToken;
			return this;
		}

		/** Further request headers, set after the adapter's own. */
		public Builder headers(HttpHeaders headers) {
			this.headers = headers;
			return this;
		}

		public UpstreamRequest build() {
			return new UpstreamRequest(operation, method, pathTemplate, pathVariables, query, body, projectId,
					requestId, idempotent, callerToken, headers);
		}

	}

}
