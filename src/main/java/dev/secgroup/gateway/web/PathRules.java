package dev.secgroup.gateway.web;

/**
 * Bounds on values that become upstream URL path segments or query values, and the id
 * rule the request bodies share. Where the upstream documents give a limit it is used;
 * where they give none, the gateway bounds length and charset (documented in the OpenAPI
 * description), so a value can never be more than one segment. Each rule is stated here
 * once; the records, the controllers and the published document use these constants.
 */
public final class PathRules {

	/** Project id: 1-256 characters (HSS document); charset bounded by the gateway. */
	public static final String PROJECT_ID = "^[A-Za-z0-9_-]{1,256}$";

	public static final String PROJECT_ID_MESSAGE = "must be 1-256 characters: letters, digits, '-' or '_'";

	/**
	 * Ids of 1-64 letters, digits, '-' or '_': the HSS document's rule for security group
	 * ids and names, and the gateway's bound on ids without a documented limit (cluster,
	 * port, VPC security group ids), which are UUID-like.
	 */
	public static final String RESOURCE_ID = "^[A-Za-z0-9_-]{1,64}$";

	public static final String RESOURCE_ID_MESSAGE = "must be 1-64 characters: letters, digits, '-' or '_'";

	/** A Kubernetes namespace is a DNS-1123 label. */
	public static final String NAMESPACE = "^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

	public static final String NAMESPACE_MESSAGE = "must be a DNS-1123 label: 1-63 characters, lower-case letters, digits or '-', starting and ending with a letter or digit";

	private PathRules() {
	}

}
