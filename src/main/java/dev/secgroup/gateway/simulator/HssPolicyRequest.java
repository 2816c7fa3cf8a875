package dev.secgroup.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's own reading of the HSS create-security-group-policy body (Tables 4 and
 * 5 of the HSS document): the five members mandatory, {@code workload_type} one of the
 * three kinds, {@code security_groups} non-empty, each with a {@code security_group_id}
 * of 1-64 letters, digits, '-' or '_', an optional name of the same form and an optional
 * description of at most 256 characters without HTML tags. Unknown members are ignored;
 * JSON {@code null} counts as absent.
 */
record HssPolicyRequest(String policyName, String workloadId, String workloadName, String workloadType,
		List<RecordedPolicy.SecurityGroup> securityGroups) {

	private static final Set<String> WORKLOAD_TYPES = Set.of("deployments", "statefulsets", "daemonsets");

	HssPolicyRequest {
		securityGroups = List.copyOf(securityGroups);
	}

	static HssPolicyRequest parse(@Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new InvalidRequestException("The request body must be a JSON object.");
		}
		String workloadType = mandatoryText(root, "workload_type");
		if (!WORKLOAD_TYPES.contains(workloadType)) {
			throw new InvalidRequestException("workload_type must be deployments, statefulsets or daemonsets.");
		}
		return new HssPolicyRequest(mandatoryText(root, "policy_name"), mandatoryText(root, "workload_id"),
				mandatoryText(root, "workload_name"), workloadType,
				securityGroups(present(root.get("security_groups"))));
	}

	/** The path and query values the document bounds. */
	static void checkTarget(String projectId, @Nullable String enterpriseProjectId) {
		if (projectId.length() > DocumentRules.MAX_PROJECT_ID) {
			throw new InvalidRequestException("project_id must have 1 to 256 characters.");
		}
		if (enterpriseProjectId != null
				&& (enterpriseProjectId.isEmpty() || enterpriseProjectId.length() > DocumentRules.MAX_PROJECT_ID)) {
			throw new InvalidRequestException("enterprise_project_id must have 1 to 256 characters.");
		}
	}

	private static List<RecordedPolicy.SecurityGroup> securityGroups(@Nullable JsonNode node) {
		if (node == null) {
			throw new InvalidRequestException("security_groups is mandatory.");
		}
		if (!node.isArray() || node.isEmpty()) {
			throw new InvalidRequestException("security_groups must be a non-empty array.");
		}
		List<RecordedPolicy.SecurityGroup> groups = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode group = node.get(i);
			String at = "security_groups[" + i + "]";
			if (!group.isObject()) {
				throw new InvalidRequestException(at + " must be an object.");
			}
			String id = optionalText(group, "security_group_id", at);
			if (id == null) {
				throw new InvalidRequestException(at + ".security_group_id is mandatory.");
			}
			if (!DocumentRules.ID.matcher(id).matches()) {
				throw new InvalidRequestException(
						at + ".security_group_id must have 1 to 64 letters, digits, hyphens or underscores.");
			}
			String name = optionalText(group, "security_group_name", at);
			if (name != null && !DocumentRules.ID.matcher(name).matches()) {
				throw new InvalidRequestException(
						at + ".security_group_name must have 1 to 64 letters, digits, hyphens or underscores.");
			}
			String description = optionalText(group, "security_group_description", at);
			if (description != null && (description.length() > DocumentRules.MAX_DESCRIPTION
					|| description.indexOf('<') >= 0 || description.indexOf('>') >= 0)) {
				throw new InvalidRequestException(
						at + ".security_group_description must have at most 256 characters and no HTML tags.");
			}
			groups.add(new RecordedPolicy.SecurityGroup(id, name, description));
		}
		return groups;
	}

	private static String mandatoryText(JsonNode object, String name) {
		JsonNode value = present(object.get(name));
		if (value == null) {
			throw new InvalidRequestException(name + " is mandatory.");
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new InvalidRequestException(name + " must be a non-empty string.");
		}
		return value.stringValue();
	}

	private static @Nullable String optionalText(JsonNode object, String name, String at) {
		JsonNode value = present(object.get(name));
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw new InvalidRequestException(at + "." + name + " must be a string.");
		}
		return value.stringValue();
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return node == null || node.isNull() ? null : node;
	}

}
