package dev.secgroup.gateway.hss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.secgroup.gateway.call.AuditTarget;

/**
 * Body of HSS v5 {@code POST
 * /v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy}
 * ("Creating a Security Group Policy", cloud native network model, Table 4). The document
 * gives no length for the three names; the gateway bounds them (256 characters, no
 * control characters) so that nothing unbounded is forwarded.
 *
 * @param policyName policy name; required
 * @param workloadId workload ID; required
 * @param workloadName workload name; required
 * @param workloadType workload type: {@code deployments}, {@code statefulsets} or
 * {@code daemonsets}; required
 * @param securityGroups security group list; required, at least one (the gateway bounds
 * it at 100)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateSecurityGroupPolicyRequest(@Schema(
		description = "Policy name. Gateway bound (the document gives none): 1-256 characters, no control characters.",
		example = "ywk-test") @JsonProperty("policy_name") @NotBlank @Size(
				max = 256) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String policyName,
		@Schema(description = "Workload ID. Gateway bound: 1-256 characters, no control characters.",
				example = "27f3d7af-e947-4731-a3d2-8a561ae33069") @JsonProperty("workload_id") @NotBlank @Size(
						max = 256) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String workloadId,
		@Schema(description = "Workload name. Gateway bound: 1-256 characters, no control characters.",
				example = "kube-state-metrics") @JsonProperty("workload_name") @NotBlank @Size(
						max = 256) @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String workloadName,
		@Schema(description = "Workload type: deployments (Deployment), statefulsets (StatefulSet), daemonsets (DaemonSet).",
				example = "deployments", allowableValues = {
						"deployments", "statefulsets", "daemonsets" }) @JsonProperty("workload_type") @NotNull @Pattern(
								regexp = WORKLOAD_TYPE,
								message = "must be one of deployments, statefulsets, daemonsets") String workloadType,
		@ArraySchema(arraySchema = @Schema(
				description = "Security group list. Gateway bound: 1-100 entries.")) @JsonProperty("security_groups") @NotNull @Size(
						min = 1, max = 100) List<@NotNull @Valid SecurityGroup> securityGroups)
		implements
			AuditTarget{

	static final String WORKLOAD_TYPE = "^(deployments|statefulsets|daemonsets)$";

	/**
	 * No control character (U+0000-U+001F, U+007F), written so that Java and ECMA-262
	 * (the OpenAPI pattern dialect) read it alike.
	 */
	static final String PRINTABLE = "^[^\\x00-\\x1F\\x7F]*$";

	static final String PRINTABLE_MESSAGE = "must not contain control characters";

	@Override
	public Map<String, String> auditTarget() {
		Map<String, String> target = new LinkedHashMap<>();
		target.put("workload_type", workloadType);
		target.put("workload_id", workloadId);
		target.put("workload_name", workloadName);
		target.put("policy_name", policyName);
		return target;
	}

	@Override
	public List<String> auditSecurityGroupIds() {
		return securityGroups.stream().map(SecurityGroup::securityGroupId).toList();
	}

}
