package dev.secgroup.gateway.upstream;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;

import org.springframework.core.env.Environment;

/**
 * Checks every configured upstream endpoint once, at start-up, and refuses the start with
 * a message naming the property and the endpoint when one would leak credentials: user
 * information in the URL (it is echoed in errors and health details), a plain
 * {@code http} endpoint outside the {@code local} profile, or, in {@code local}, an
 * endpoint that is not on loopback (the demo profile must never reach a real cloud). Only
 * <em>active</em> profiles count: a default profile is no decision of the operator.
 */
final class UpstreamEndpointPolicy {

	static final String LOCAL = "local";

	private UpstreamEndpointPolicy() {
	}

	static void check(UpstreamProperties upstreams, UpstreamPolicyProperties policy, Environment environment) {
		boolean local = Arrays.asList(environment.getActiveProfiles()).contains(LOCAL);
		for (Map.Entry<String, UpstreamProperties.Upstream> entry : upstreams.upstreams().entrySet()) {
			String endpoint = entry.getValue().endpoint();
			if (endpoint != null && !endpoint.isBlank()) {
				check("gateway.upstreams." + entry.getKey() + ".endpoint", endpoint, local, policy.allowHttp());
			}
		}
	}

	static void check(String property, String endpoint, boolean local, boolean allowHttp) {
		URI uri;
		try {
			uri = URI.create(endpoint.replace("{region}", "region"));
		}
		catch (IllegalArgumentException ex) {
			// Not a URL at all: the upstream's own validation names that.
			return;
		}
		if (uri.getRawUserInfo() != null) {
			// Not repeated: user information may hold a password.
			throw new IllegalStateException(property + " must not contain user information");
		}
		if (local) {
			if (!isLoopback(uri.getHost())) {
				throw new IllegalStateException(property + " is " + endpoint + ", but the local profile (demo "
						+ "credentials, no inbound authentication) only calls endpoints on loopback (127.0.0.1, ::1, "
						+ "localhost). Start with another profile to call Huawei Cloud.");
			}
		}
		else if ("http".equalsIgnoreCase(uri.getScheme()) && !allowHttp) {
			throw new IllegalStateException(property + " is " + endpoint + ", but outside the local profile upstream "
					+ "endpoints must be https: the gateway sends credentials there. (Tests against a local stub "
					+ "may set gateway.upstream-policy.allow-http=true.)");
		}
	}

	private static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		if ("localhost".equalsIgnoreCase(host)) {
			return true;
		}
		String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		// Only IP literals are resolved here (no DNS lookup): a name other than localhost
		// is not loopback.
		if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
