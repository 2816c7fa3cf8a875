package dev.secgroup.gateway.hss;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.upstream.UpstreamClient;
import dev.secgroup.gateway.upstream.UpstreamRequest;
import dev.secgroup.gateway.upstream.UpstreamResponse;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** HSS v5 through the resilient upstream adapter. */
class HssClient {

	static final String OPERATION = "hss:CreateSecurityGroupPolicy";

	private static final String SECURITY_GROUP_POLICY = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

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
		Map<String, String> path = new LinkedHashMap<>();
		path.put("project_id", projectId);
		path.put("cluster_id", clusterId);
		path.put("namespace", namespace);
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (enterpriseProjectId != null) {
			query.add("enterprise_project_id", enterpriseProjectId);
		}
		UpstreamRequest request = new UpstreamRequest(OPERATION, HttpMethod.POST, SECURITY_GROUP_POLICY, path, query,
				json.writeValueAsBytes(body), projectId, requestId, false, callerToken);
		return upstream.exchange(request);
	}

}
