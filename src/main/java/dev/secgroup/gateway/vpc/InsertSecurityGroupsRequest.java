package dev.secgroup.gateway.vpc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import dev.secgroup.gateway.call.AuditTarget;

/**
 * Body of VPC v3 {@code PUT /v3/{project_id}/ports/{port_id}/insert-security-groups}
 * ("Adding a Security Group to the Security Group List of a Port", Table 2).
 *
 * @param port the security groups to insert and where (InsertSecurityGroupOption);
 * required
 * @param dryRun whether to only check the request: {@code true} sends a check request,
 * adds nothing, and answers 202 if the check succeeds; {@code false} (default) adds the
 * security groups
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Request body for adding security groups to the security group list of a port.")
public record InsertSecurityGroupsRequest(@Schema(
		description = "Request body for adding a security group to a security group list of a port.") @JsonProperty("port") @NotNull @Valid InsertSecurityGroupOption port,
		@Schema(description = "Whether to only check the request. true: a check request is sent and no security group is added; "
				+ "if the check succeeds, 202 is returned. false (default): the security groups are added.",
				defaultValue = "false") @JsonProperty("dry_run") Boolean dryRun)
		implements
			AuditTarget {

	@Override
	public List<String> auditSecurityGroupIds() {
		return port.securityGroups();
	}

	/** {@code false} when absent: the call is not a check. */
	@Override
	public Boolean auditDryRun() {
		return Boolean.TRUE.equals(dryRun);
	}

}
