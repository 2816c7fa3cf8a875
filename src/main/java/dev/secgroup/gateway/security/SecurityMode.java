package dev.secgroup.gateway.security;

/** How callers prove who they are ({@code gateway.security.mode}). */
enum SecurityMode {

	/** Nobody is asked; every call is allowed. Only for the {@code local} profile. */
	NONE,

	/**
	 * {@code X-Api-Key} header, checked against the clients' configured SHA-256 hashes.
	 */
	API_KEY,

	/** {@code Authorization: Bearer <JWT>}, validated as an OAuth2 resource server. */
	JWT

}
