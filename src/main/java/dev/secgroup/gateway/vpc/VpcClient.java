package dev.secgroup.gateway.vpc;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.upstream.UpstreamClient;
import dev.secgroup.gateway.upstream.UpstreamRequest;
import dev.secgroup.gateway.upstream.UpstreamResponse;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

/** VPC v3 through the resilient upstream adapter. */
class VpcClient {

	static final String OPERATION = "vpc:AddSecurityGroups";

	private static final String INSERT_SECURITY_GROUPS = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	private final UpstreamClient upstream;

	private final ObjectMapper json;

	VpcClient(UpstreamClient upstream, ObjectMapper json) {
		this.upstream = upstream;
		this.json = json;
	}

	/**
	 * Inserts security groups into a port's list. PUT is idempotent, so every transient
	 * failure is retried (retry table of docs/architecture.md).
	 */
	Mono<UpstreamResponse> insertSecurityGroups(String projectId, String portId, InsertSecurityGroupsRequest body,
			String requestId, String callerToken) {
		byte[] bytes = json.writeValueAsBytes(body);
		UpstreamRequest request = new UpstreamRequest(OPERATION, HttpMethod.PUT, INSERT_SECURITY_GROUPS,
				Map.of("project_id", projectId, "port_id", portId), new LinkedMultiValueMap<>(), bytes, projectId,
				requestId, true, callerToken);
		return upstream.exchange(request);
	}

}
