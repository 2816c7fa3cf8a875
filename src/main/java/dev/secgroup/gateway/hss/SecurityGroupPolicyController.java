package dev.secgroup.gateway.hss;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.idempotency.Idempotency;
import dev.secgroup.gateway.security.ResourceGrants;
import dev.secgroup.gateway.upstream.UpstreamHeaders;
import dev.secgroup.gateway.web.PathRules;
import dev.secgroup.gateway.web.UpstreamRelay;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HSS v5 "Creating a Security Group Policy" (cloud native network model), mirrored on
 * upstream's own method and path.
 * <p>
 * The handler records what the call acts on, calls HSS and relays its answer, waiting on
 * the request thread ({@link UpstreamRelay}); timeouts are bounded by the adapter's
 * deadline. The operation itself is declared in {@link CreateSecurityGroupPolicy}; the
 * problem answers every operation shares (502, 503, 504) are added to the OpenAPI
 * document for it.
 */
@RestController
@Tag(name = "HSS", description = "HSS v5: security group policies of Kubernetes workloads")
class SecurityGroupPolicyController {

	private final HssClient hss;

	private final ResourceGrants grants;

	private final Idempotency idempotency;

	SecurityGroupPolicyController(HssClient hss, ResourceGrants grants, Idempotency idempotency) {
		this.hss = hss;
		this.grants = grants;
		this.idempotency = idempotency;
	}

	@Operation(operationId = "CreateSecurityGroupPolicy",
			summary = "Create a security group policy (cloud native network model)",
			description = "Associates security groups with a Kubernetes workload. Upstream answers 200 with an empty body. "
					+ "Not retried once upstream may have acted (POST).")
	@ApiResponse(responseCode = "200", description = "Request succeeded (empty body).", content = @Content)
	@ApiResponse(responseCode = "400",
			description = "Invalid request (violations name each field; nothing was sent upstream), "
					+ "or upstream's HSS.xxxx error.")
	@PostMapping(path = CreateSecurityGroupPolicy.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> createSecurityGroupPolicy(@Parameter(
			description = "Project ID: 1 to 256 characters. Gateway charset bound: letters, digits, '-' or '_'.",
			example = "f5dab68cd75740e68c599e9af5fe0aed") @PathVariable("project_id") @Pattern(
					regexp = PathRules.PROJECT_ID, message = PathRules.PROJECT_ID_MESSAGE) String projectId,
			@Parameter(
					description = "Cluster ID. The document gives no limit; gateway bound: "
							+ PathRules.RESOURCE_ID_MESSAGE + ".",
					example = "4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08") @PathVariable("cluster_id") @Pattern(
							regexp = PathRules.RESOURCE_ID, message = PathRules.RESOURCE_ID_MESSAGE) String clusterId,
			@Parameter(
					description = "Kubernetes namespace. The document gives no limit; gateway bound: it "
							+ PathRules.NAMESPACE_MESSAGE + ".",
					example = "monitoring") @PathVariable("namespace") @Pattern(regexp = PathRules.NAMESPACE,
							message = PathRules.NAMESPACE_MESSAGE) String namespace,
			@Parameter(
					description = "Enterprise project ID: 1 to 256 characters; all_granted_eps = all enterprise projects; "
							+ "default 0 (default enterprise project). Only needed when enterprise projects are enabled. "
							+ "Gateway charset bound: letters, digits, '-' or '_'.",
					example = "all_granted_eps") @RequestParam(name = CreateSecurityGroupPolicy.ENTERPRISE_PROJECT_ID,
							required = false) @Pattern(regexp = PathRules.PROJECT_ID,
									message = PathRules.PROJECT_ID_MESSAGE) String enterpriseProjectId,
			@Valid @RequestBody CreateSecurityGroupPolicyRequest body, HttpServletRequest request) {
		CallContext call = CallContext.of(request)
			.target(body)
			.target(CreateSecurityGroupPolicy.ENTERPRISE_PROJECT_ID, enterpriseProjectId);
		grants.requireCluster("cluster_id", clusterId);
		grants.requireNamespace("namespace", namespace);
		grants.requireSecurityGroups(body.auditSecurityGroupIds(), i -> "security_groups[" + i + "].security_group_id");
		return idempotency.call(request, body,
				() -> UpstreamRelay.relay(call, hss.createSecurityGroupPolicy(projectId, clusterId, namespace,
						enterpriseProjectId, body, call.requestId(), request.getHeader(UpstreamHeaders.AUTH_TOKEN))));
	}

}
