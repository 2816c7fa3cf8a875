package dev.secgroup.gateway.vpc;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.upstream.UpstreamClient;
import dev.secgroup.gateway.upstream.UpstreamRequest;
import dev.secgroup.gateway.upstream.UpstreamResponse;

/** VPC v3 through the resilient upstream adapter. */
class VpcClient {

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
		return upstream.exchange(UpstreamRequest.to(AddSecurityGroups.OPERATION)
			.pathVariable(MirroredOperation.PROJECT_ID, projectId)
			.pathVariable("port_id", portId)
			.body(json.writeValueAsBytes(body))
			.project(projectId)
			.requestId(requestId)
			.callerToken(callerToken)
			.build());
	}

}
