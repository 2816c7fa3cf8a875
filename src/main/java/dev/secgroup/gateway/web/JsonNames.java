package dev.secgroup.gateway.web;

import java.util.regex.Pattern;

/**
 * Java property paths in the caller's terms: the API's JSON members are the snake_case
 * forms of the records' components ({@code securityGroups[0].securityGroupId} ->
 * {@code security_groups[0].security_group_id}).
 */
final class JsonNames {

	private static final Pattern HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private JsonNames() {
	}

	static String path(String javaPath) {
		return HUMP.matcher(javaPath).replaceAll("$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
