package dev.secgroup.gateway.vpc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * VPC v3 "Adding a Security Group to the Security Group List of a Port", mirrored on
 * upstream's own method and path.
 * <p>
 * The handler records what the body acts on, calls VPC and relays its answer, waiting on
 * the request thread ({@link UpstreamRelay}); timeouts are bounded by the adapter's
 * deadline. The operation itself is declared in {@link AddSecurityGroups}; the problem
 * answers every operation shares (502, 503, 504) are added to the OpenAPI document for
 * it.
 */
@RestController
@Tag(name = "VPC", description = "VPC v3: security groups of a port")
class PortSecurityGroupController {

	private final VpcClient vpc;

	private final ResourceGrants grants;

	private final Idempotency idempotency;

	PortSecurityGroupController(VpcClient vpc, ResourceGrants grants, Idempotency idempotency) {
		this.vpc = vpc;
		this.grants = grants;
		this.idempotency = idempotency;
	}

	@Operation(operationId = "AddSecurityGroups", summary = "Add security groups to the security group list of a port",
			description = "Inserts security groups into the security group list of a port (elastic network interface) at "
					+ "`index`, or at the end. With `dry_run: true` only checks the request (202). Upstream's answer is "
					+ "relayed unchanged. Retried on transient failures (PUT is idempotent).")
	@ApiResponse(responseCode = "200", description = "Normal response: the port after the insertion.",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = InsertSecurityGroupsResponse.class)))
	@ApiResponse(responseCode = "202", description = "dry_run: the check succeeded; nothing was changed.")
	@ApiResponse(responseCode = "400",
			description = "Invalid request (violations name each field); nothing was sent upstream.")
	@ApiResponse(responseCode = "404",
			description = "Upstream: port not found (upstream error_code and request id kept).")
	@PutMapping(path = AddSecurityGroups.PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> insertSecurityGroups(
			@Parameter(description = "Project ID. Gateway bound: " + PathRules.PROJECT_ID_MESSAGE + ".",
					example = "f5dab68cd75740e68c599e9af5fe0aed") @PathVariable("project_id") @Pattern(
							regexp = PathRules.PROJECT_ID, message = PathRules.PROJECT_ID_MESSAGE) String projectId,
			@Parameter(
					description = "Port ID, e.g. the ID of an elastic network interface. The document gives no limit; "
							+ "gateway bound: " + PathRules.RESOURCE_ID_MESSAGE + ".",
					example = "99fd0c77-56b4-4bf6-8365-df352e45d5fc") @PathVariable("port_id") @Pattern(
							regexp = PathRules.RESOURCE_ID, message = PathRules.RESOURCE_ID_MESSAGE) String portId,
			@Valid @RequestBody InsertSecurityGroupsRequest body, HttpServletRequest request) {
		CallContext call = CallContext.of(request).target(body);
		grants.requireSecurityGroups(body.port().securityGroups(), i -> "port.security_groups[" + i + "]");
		return idempotency.call(request, body, () -> UpstreamRelay.relay(call, vpc.insertSecurityGroups(projectId,
				portId, body, call.requestId(), request.getHeader(UpstreamHeaders.AUTH_TOKEN))));
	}

}
