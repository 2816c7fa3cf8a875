package dev.secgroup.gateway.credentials;

/**
 * {@code "scope":{"project":{"id":...}}} of an IAM token request: project-level services
 * (VPC, HSS) need a token scoped to the project they act on.
 *
 * @param project the project
 */
record ProjectScope(Project project) {

	static ProjectScope of(String projectId) {
		return new ProjectScope(new Project(projectId));
	}

	/**
	 * @param id the project id
	 */
	record Project(String id) {
	}

}
