package dev.secgroup.gateway.security;

import java.util.Locale;

/** How callers prove who they are ({@code gateway.security.mode}, one or several). */
enum SecurityMode {

	/** Nobody is asked; every call is allowed. Only for the {@code local} profile. */
	NONE,

	/**
	 * {@code X-Api-Key} header, checked against the clients' configured SHA-256 hashes.
	 */
	API_KEY,

	/** {@code Authorization: Bearer <JWT>}, validated as an OAuth2 resource server. */
	JWT,

	/**
	 * {@code Authorization: SDK-HMAC-SHA256 ...}: a request signed, as the official
	 * Huawei Cloud SDKs sign, with an AK/SK pair the gateway issued to the client.
	 */
	AKSK;

	/** The value as written in {@code gateway.security.mode}. */
	String propertyValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
