package dev.secgroup.gateway.hss;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import dev.secgroup.gateway.audit.AuditRecord;
import dev.secgroup.gateway.idempotency.Idempotency;
import dev.secgroup.gateway.upstream.UpstreamHeaders;
import dev.secgroup.gateway.web.PathRules;
import dev.secgroup.gateway.web.RequestIds;
import dev.secgroup.gateway.web.UpstreamRelay;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
 * The handler waits for the upstream answer on its request thread (a virtual thread on
 * JDK 21+; never a reactor thread, where Reactor refuses to block): an async MVC result
 * would run the whole filter chain (security, audit, observation) a second time on its
 * dispatch, which costs more CPU than the hop itself. Timeouts are bounded by the
 * adapter's deadline.
 */
@RestController
@Tag(name = "HSS", description = "HSS v5: security group policies of Kubernetes workloads")
class SecurityGroupPolicyController {

	private static final String EXAMPLE = """
			{
			  "policy_name" : "ywk-test",
			  "workload_id" : "27f3d7af-e947-4731-a3d2-8a561ae33069",
			  "workload_name" : "kube-state-metrics",
			  "workload_type" : "deployments",
			  "security_groups" : [ {
			    "security_group_id" : "03b46bce-b0b7-42d3-992d-ddfb567106f0",
			    "security_group_name" : "sg-4a7d"
			  } ]
			}""";

	static final String PATH = "/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy";

	private final HssClient hss;

	private final Idempotency idempotency;

	SecurityGroupPolicyController(HssClient hss, Idempotency idempotency) {
		this.hss = hss;
		this.idempotency = idempotency;
	}

	@Operation(operationId = "CreateSecurityGroupPolicy",
			summary = "Create a security group policy (cloud native network model)",
			description = "Associates security groups with a Kubernetes workload. Upstream answers 200 with an empty body. "
					+ "Not retried once upstream may have acted (POST).")
	@ApiResponse(responseCode = "200", description = "Request succeeded (empty body).", content = @Content)
	@ApiResponse(responseCode = "400",
			description = "Invalid request (violations name each field; nothing was sent upstream), "
					+ "or upstream's HSS.xxxx error.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "502", description = "Upstream failed or could not be reached.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Circuit open: HSS calls are suspended (see Retry-After).",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "504", description = "HSS did not answer in time.",
			content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					schema = @Schema(implementation = ProblemDetail.class)))
	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
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
					example = "all_granted_eps") @RequestParam(name = "enterprise_project_id",
							required = false) @Pattern(regexp = PathRules.PROJECT_ID,
									message = PathRules.PROJECT_ID_MESSAGE) String enterpriseProjectId,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "document example",
							value = EXAMPLE))) @Valid @RequestBody CreateSecurityGroupPolicyRequest body,
			HttpServletRequest request) {
		AuditRecord audit = AuditRecord.of(request)
			.target("workload_type", body.workloadType())
			.target("workload_id", body.workloadId())
			.target("workload_name", body.workloadName())
			.target("policy_name", body.policyName())
			.target("enterprise_project_id", enterpriseProjectId)
			.securityGroupIds(body.securityGroups().stream().map(SecurityGroup::securityGroupId).toList());
		return idempotency.call(request, body,
				() -> audit
					.upstreamCall(hss.createSecurityGroupPolicy(projectId, clusterId, namespace, enterpriseProjectId,
							body, RequestIds.of(request), request.getHeader(UpstreamHeaders.AUTH_TOKEN)))
					.map(UpstreamRelay::relay)
					.block());
	}

}
