package dev.secgroup.gateway.security;

import java.util.List;
import java.util.Set;

/**
 * What one client may do: these operations, on these projects ({@code *}: every project),
 * attaching these security groups, on these HSS clusters and namespaces (each {@code *}
 * unless restricted).
 *
 * @param name the client's name
 * @param projects project ids, or {@code *}
 * @param operations operation names
 * @param securityGroups security group ids the client may attach
 * @param clusters HSS cluster ids the client may act on
 * @param namespaces Kubernetes namespaces the client may act on
 */
record ClientGrant(String name, Set<String> projects, Set<String> operations, ValuePatterns securityGroups,
		ValuePatterns clusters, ValuePatterns namespaces) {

	static final String ANY_PROJECT = "*";

	ClientGrant {
		projects = Set.copyOf(projects);
		operations = Set.copyOf(operations);
	}

	/** The grant of a client that may do nothing. */
	static ClientGrant nothing(String name) {
		ValuePatterns none = ValuePatterns.of(List.of());
		return new ClientGrant(name, Set.of(), Set.of(), none, none, none);
	}

	boolean permitsOperation(String operation) {
		return operations.contains(operation);
	}

	boolean permitsProject(String projectId) {
		return projects.contains(ANY_PROJECT) || (projectId != null && projects.contains(projectId));
	}

}
