package dev.secgroup.gateway.simulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's own reading of the VPC insert-security-groups body (Tables 2 and 3 of
 * the VPC document): {@code port.security_groups} mandatory, {@code port.index} and
 * {@code dry_run} optional. Unknown members are ignored and JSON {@code null} counts as
 * absent, as the Huawei SDKs omit nulls.
 *
 * @param securityGroups the ids to insert, in order, as sent (possibly repeating)
 * @param index where to insert them, or {@code null} to append
 * @param dryRun whether only to check
 */
record VpcInsertRequest(List<String> securityGroups, @Nullable Integer index, boolean dryRun) {

	VpcInsertRequest {
		securityGroups = List.copyOf(securityGroups);
	}

	static VpcInsertRequest parse(@Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new InvalidRequestException("The request body must be a JSON object.");
		}
		JsonNode port = present(root.get("port"));
		if (port == null) {
			throw new InvalidRequestException("port is mandatory.");
		}
		if (!port.isObject()) {
			throw new InvalidRequestException("port must be an object.");
		}
		return new VpcInsertRequest(securityGroups(present(port.get("security_groups"))),
				index(present(port.get("index"))), dryRun(present(root.get("dry_run"))));
	}

	private static List<String> securityGroups(@Nullable JsonNode node) {
		if (node == null) {
			throw new InvalidRequestException("port.security_groups is mandatory.");
		}
		if (!node.isArray() || node.isEmpty()) {
			throw new InvalidRequestException("port.security_groups must be a non-empty array of security group IDs.");
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode id = node.get(i);
			if (!id.isString() || !DocumentRules.ID.matcher(id.stringValue()).matches()) {
				throw new InvalidRequestException("port.security_groups[" + i + "] is not a valid security group ID.");
			}
			ids.add(id.stringValue());
		}
		return ids;
	}

	private static @Nullable Integer index(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
			throw new InvalidRequestException("port.index must be an integer from 0.");
		}
		return node.intValue();
	}

	private static boolean dryRun(@Nullable JsonNode node) {
		if (node == null) {
			return false;
		}
		if (!node.isBoolean()) {
			throw new InvalidRequestException("dry_run must be true or false.");
		}
		return node.booleanValue();
	}

	private static @Nullable JsonNode present(@Nullable JsonNode node) {
		return node == null || node.isNull() ? null : node;
	}

}
