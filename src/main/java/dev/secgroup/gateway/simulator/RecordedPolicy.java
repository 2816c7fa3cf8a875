package dev.secgroup.gateway.simulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One security group policy the simulated HSS accepted, with where it was sent.
 *
 * @param requestId the {@code X-Request-Id} the simulator answered with
 * @param projectId project id from the path
 * @param clusterId cluster id from the path
 * @param namespace namespace from the path
 * @param enterpriseProjectId the {@code enterprise_project_id} query parameter as sent,
 * {@code null} when absent (HSS then uses {@code 0}, the default enterprise project)
 * @param policyName {@code policy_name}
 * @param workloadId {@code workload_id}
 * @param workloadName {@code workload_name}
 * @param workloadType {@code workload_type}
 * @param securityGroups {@code security_groups}, in order
 */
public record RecordedPolicy(String requestId, String projectId, String clusterId, String namespace,
		@Nullable String enterpriseProjectId, String policyName, String workloadId, String workloadName,
		String workloadType, List<SecurityGroup> securityGroups) {

	public RecordedPolicy {
		securityGroups = List.copyOf(securityGroups);
	}

	/**
	 * One entry of {@code security_groups}.
	 *
	 * @param securityGroupId {@code security_group_id}
	 * @param securityGroupName {@code security_group_name}, {@code null} when absent
	 * @param securityGroupDescription {@code security_group_description}, {@code null}
	 * when absent
	 */
	public record SecurityGroup(String securityGroupId, @Nullable String securityGroupName,
			@Nullable String securityGroupDescription) {
	}

}
