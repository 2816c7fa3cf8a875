package dev.secgroup.gateway.credentials;

/** How the gateway proves itself to Huawei Cloud ({@code gateway.credentials.mode}). */
public enum CredentialsMode {

	/**
	 * Signs every upstream request with an access key / secret key
	 * ({@code SDK-HMAC-SHA256}).
	 */
	AKSK,

	/** Sends a project-scoped IAM token obtained with an IAM user's password. */
	PASSWORD,

	/**
	 * Sends a project-scoped IAM token obtained for an OIDC ID token (workload identity).
	 */
	OIDC,

	/** Forwards the caller's own {@code X-Auth-Token}. */
	PASSTHROUGH;

	/** The name as configured and as metrics tag it: {@code aksk}, {@code password}... */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
