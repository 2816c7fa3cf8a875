package dev.secgroup.gateway.security;

import java.util.Set;

/**
 * What one client may do: these operations, on these projects ({@code *}: every project).
 *
 * @param name the client's name
 * @param projects project ids, or {@code *}
 * @param operations operation names
 */
record ClientGrant(String name, Set<String> projects, Set<String> operations) {

	static final String ANY_PROJECT = "*";

	ClientGrant {
		projects = Set.copyOf(projects);
		operations = Set.copyOf(operations);
	}

	boolean permitsOperation(String operation) {
		return operations.contains(operation);
	}

	boolean permitsProject(String projectId) {
		return projects.contains(ANY_PROJECT) || (projectId != null && projects.contains(projectId));
	}

}
