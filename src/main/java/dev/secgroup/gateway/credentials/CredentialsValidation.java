package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.secgroup.gateway.upstream.UpstreamProperties;

/**
 * The start-up check of {@link CredentialsProperties}: each mode has its secrets, the
 * OIDC ID token file is readable now, and the IAM endpoint is usable for the token modes.
 * The first problem found stops the start with one message that names the property (all
 * the missing ones of the mode at once) and never repeats a secret.
 */
final class CredentialsValidation {

	static final String PREFIX = "gateway.credentials.";

	static final String IAM_ENDPOINT = "gateway.upstreams.iam.endpoint";

	private CredentialsValidation() {
	}

	/**
	 * @throws InvalidCredentialsConfigurationException naming the property at fault
	 */
	static void check(CredentialsProperties properties, UpstreamProperties upstreams) {
		CredentialsMode mode = properties.mode();
		if (mode == null) {
			throw invalid(PREFIX + "mode is not set: choose aksk, password, oidc or passthrough");
		}
		requireSet(mode, required(properties));
		switch (mode) {
			case AKSK -> {
				requireHeaderSafe("access-key", properties.accessKey(), true);
				if (properties.securityToken() != null) {
					requireHeaderSafe("security-token", properties.securityToken(), false);
				}
			}
			case PASSWORD -> requireIamEndpoint(mode, upstreams);
			case OIDC -> {
				requireHeaderSafe("idp-id", properties.idpId(), true);
				requireReadableIdToken(properties.idTokenFile());
				requireIamEndpoint(mode, upstreams);
			}
			case PASSTHROUGH -> {
			}
		}
		if ((mode == CredentialsMode.PASSWORD || mode == CredentialsMode.OIDC)
				&& (properties.tokenRefreshMargin() == null || properties.tokenRefreshMargin().isNegative()
						|| properties.tokenRefreshMargin().isZero())) {
			throw invalid(PREFIX + "token-refresh-margin must be a positive duration, e.g. 2h");
		}
	}

	/**
	 * The properties the mode needs, by name, with their values (blank counts as unset).
	 */
	private static Map<String, Object> required(CredentialsProperties properties) {
		Map<String, Object> required = new LinkedHashMap<>();
		switch (properties.mode()) {
			case AKSK -> {
				required.put("access-key", properties.accessKey());
				required.put("secret-key", properties.secretKey());
			}
			case PASSWORD -> {
				required.put("user-name", properties.userName());
				required.put("password", properties.password());
				required.put("domain-name", properties.domainName());
			}
			case OIDC -> {
				required.put("idp-id", properties.idpId());
				required.put("id-token-file", properties.idTokenFile());
			}
			case PASSTHROUGH -> {
			}
		}
		return required;
	}

	private static void requireSet(CredentialsMode mode, Map<String, Object> required) {
		List<String> missing = new ArrayList<>();
		required.forEach((name, value) -> {
			if (value == null || value.toString().isBlank()) {
				missing.add(PREFIX + name);
			}
		});
		if (!missing.isEmpty()) {
			throw invalid(PREFIX + "mode is " + mode.tag() + ", but " + String.join(", ", missing)
					+ (missing.size() == 1 ? " is" : " are") + " not set");
		}
	}

	/**
	 * The value goes into a request header: no line breaks; the access key and IdP id no
	 * spaces or commas either.
	 */
	private static void requireHeaderSafe(String name, String value, boolean token) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || (token && (Character.isWhitespace(c) || c == ','))) {
				throw invalid(PREFIX + name + " must not contain " + (token ? "whitespace, ',' or " : "")
						+ "control characters (it is sent in a header)");
			}
		}
	}

	private static void requireReadableIdToken(Path file) {
		String token;
		try {
			token = Files.readString(file);
		}
		catch (IOException | SecurityException ex) {
			throw invalid(
					PREFIX + "id-token-file cannot be read: " + file + " (" + ex.getClass().getSimpleName() + ")");
		}
		if (token.isBlank()) {
			throw invalid(PREFIX + "id-token-file is empty: " + file);
		}
	}

	private static void requireIamEndpoint(CredentialsMode mode, UpstreamProperties upstreams) {
		UpstreamProperties.Upstream iam = upstreams.upstreams().get("iam");
		if (iam == null || iam.endpoint() == null || iam.endpoint().isBlank()) {
			throw invalid(IAM_ENDPOINT + " is not set: mode " + mode.tag() + " obtains its tokens from IAM");
		}
		String endpoint = iam.endpoint();
		URI uri;
		try {
			uri = URI.create(endpoint.replace("{region}", "region"));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(IAM_ENDPOINT + " is not a URL: " + endpoint);
		}
		if (uri.getRawUserInfo() != null) {
			// Not repeated: user info may hold a password.
			throw invalid(IAM_ENDPOINT + " must not contain user information");
		}
		if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw invalid(IAM_ENDPOINT + " must be an http(s) URL with a host and no query or fragment, "
					+ "e.g. https://iam.myhuaweicloud.com: " + endpoint);
		}
	}

	private static InvalidCredentialsConfigurationException invalid(String message) {
		return new InvalidCredentialsConfigurationException(message);
	}

}
