package dev.secgroup.gateway.hss;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.upstream.UpstreamClient;
import dev.secgroup.gateway.upstream.UpstreamRequest;
import dev.secgroup.gateway.upstream.UpstreamResponse;

/** HSS v5 through the resilient upstream adapter. */
class HssClient {

	private final UpstreamClient upstream;

	private final ObjectMapper json;

	HssClient(UpstreamClient upstream, ObjectMapper json) {
		this.upstream = upstream;
		this.json = json;
	}

	/**
	 * Creates a security group policy. POST is not idempotent: it is retried only when
	 * upstream surely did not act (retry table of docs/architecture.md).
	 */
	Mono<UpstreamResponse> createSecurityGroupPolicy(String projectId, String clusterId, String namespace,
			String enterpriseProjectId, CreateSecurityGroupPolicyRequest body, String requestId, String callerToken) {
		return upstream.exchange(UpstreamRequest.to(CreateSecurityGroupPolicy.OPERATION)
			.pathVariable(MirroredOperation.PROJECT_ID, projectId)
			.pathVariable("cluster_id", clusterId)
			.pathVariable("namespace", namespace)
			.query(CreateSecurityGroupPolicy.ENTERPRISE_PROJECT_ID, enterpriseProjectId)
			.body(json.writeValueAsBytes(body))
			.project(projectId)
			.requestId(requestId)
			.callerToken(callerToken)
			.build());
	}

}
