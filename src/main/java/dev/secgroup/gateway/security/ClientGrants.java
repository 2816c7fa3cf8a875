package dev.secgroup.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.secgroup.gateway.web.PathRules;

/**
 * The configured clients ({@code gateway.security.clients}), checked once at start-up,
 * and the two questions asked of them on every call: whose key is this, and what may this
 * client do.
 * <p>
 * Keys are held only as SHA-256 digests. A presented key is hashed and compared with
 * every client's digest in constant time ({@link MessageDigest#isEqual}), all of them
 * every time, so the answer's timing tells nothing about how close a guess was or which
 * client it matched.
 * <p>
 * AK/SK pairs ({@code aksk} mode) are the exception: a signature can only be recomputed
 * with the secret key itself, so those are held as given (never logged, never in
 * {@code toString}).
 */
final class ClientGrants {

	private static final String PREFIX = "gateway.security.clients";

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern PROJECT = Pattern.compile(PathRules.PROJECT_ID);

	/** What an SDK can put in {@code Access=} without breaking the header's syntax. */
	private static final Pattern ACCESS_KEY = Pattern.compile("[A-Za-z0-9_-]{8,128}");

	/** Shortest secret key accepted: Huawei's own are 40 characters. */
	static final int MIN_SECRET_KEY_LENGTH = 32;

	private final Map<String, ClientGrant> grants = new HashMap<>();

	private final List<KeyDigest> keys = new ArrayList<>();

	private final Map<String, AccessKey> accessKeys = new HashMap<>();

	/**
	 * @param properties the configuration
	 * @param knownOperations the names of the mirrored operations
	 * @throws InvalidSecurityConfigurationException naming the first wrong property
	 */
	ClientGrants(GatewaySecurityProperties properties, Set<String> knownOperations) {
		List<GatewaySecurityProperties.Client> clients = properties.clients();
		for (int i = 0; i < clients.size(); i++) {
			GatewaySecurityProperties.Client client = clients.get(i);
			String at = PREFIX + "[" + i + "]";
			String name = checkName(client.name(), at);
			byte[] digest = checkKey(client.apiKeySha256(), at + ".api-key-sha256");
			if (digest != null) {
				keys.add(new KeyDigest(name, digest));
			}
			byte[] previous = checkKey(client.previousApiKeySha256(), at + ".previous-api-key-sha256");
			if (previous != null) {
				keys.add(new KeyDigest(name, previous));
			}
			AccessKey accessKey = checkAccessKey(client, name, at);
			checkHasCredentials(properties, client, name, at);
			if (accessKey != null) {
				accessKeys.put(accessKey.accessKey(), accessKey);
			}
			grants.put(name,
					new ClientGrant(name, checkProjects(client.projects(), at),
							checkOperations(client.operations(), at, knownOperations),
							checkPatterns(client.securityGroups(), at + ".security-groups"),
							checkPatterns(client.clusters(), at + ".clusters"),
							checkPatterns(client.namespaces(), at + ".namespaces")));
		}
	}

	/**
	 * The grant of the client of this name; empty for an unknown client, which may do
	 * nothing.
	 */
	Optional<ClientGrant> of(String clientName) {
		return Optional.ofNullable(clientName).map(grants::get);
	}

	/** The client whose key this is; empty for a key no client has. */
	Optional<String> clientWithKey(String presentedKey) {
		byte[] presented = sha256(presentedKey.getBytes(StandardCharsets.UTF_8));
		String found = null;
		for (KeyDigest key : keys) {
			// No early exit: every digest is compared, whatever matched.
			if (MessageDigest.isEqual(presented, key.digest())) {
				found = key.client();
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The secret key of a gateway-issued access key; empty for an access key no client
	 * has.
	 */
	Optional<String> secretKeyOf(String accessKey) {
		return Optional.ofNullable(accessKeys.get(accessKey)).map(AccessKey::secretKey);
	}

	/** The client an access key was issued to. */
	Optional<String> clientWithAccessKey(String accessKey) {
		return Optional.ofNullable(accessKeys.get(accessKey)).map(AccessKey::client);
	}

	boolean isEmpty() {
		return grants.isEmpty();
	}

	private String checkName(String name, String at) {
		if (name == null || name.isBlank()) {
			throw invalid(at + ".name must be set", "Give every client a name.");
		}
		if (grants.containsKey(name)) {
			throw invalid(at + ".name '" + name + "' is used by another client", "Give every client its own name.");
		}
		return name;
	}

	/**
	 * Outside {@code jwt} mode (where names are matched against tokens) a client needs a
	 * credential of a configured kind, or it could never call.
	 */
	private static void checkHasCredentials(GatewaySecurityProperties properties,
			GatewaySecurityProperties.Client client, String name, String at) {
		boolean apiKey = properties.accepts(SecurityMode.API_KEY);
		boolean aksk = properties.accepts(SecurityMode.AKSK);
		if (properties.accepts(SecurityMode.JWT) || (apiKey && hasText(client.apiKeySha256()))
				|| (aksk && hasText(client.accessKey()))) {
			return;
		}
		if (apiKey && aksk) {
			throw invalid(at + " has neither api-key-sha256 nor access-key (client '" + name + "')",
					"Give the client an API key (its SHA-256) or an access key and secret key.");
		}
		if (apiKey) {
			throw invalid(at + ".api-key-sha256 must be set in api-key mode",
					"Set it to the SHA-256 of the client's key: printf %s \"$KEY\" | sha256sum");
		}
		if (aksk) {
			throw invalid(at + ".access-key must be set in aksk mode (client '" + name + "')",
					"Issue the client an access key and a secret key of at least " + MIN_SECRET_KEY_LENGTH
							+ " random characters.");
		}
	}

	/**
	 * @param property the full name of the property holding the hash
	 */
	private byte[] checkKey(String hash, String property) {
		if (hash == null || hash.isBlank()) {
			return null;
		}
		if (!SHA256_HEX.matcher(hash).matches()) {
			// Never repeat the value: it may be the key itself, pasted by mistake.
			throw invalid(property + " must be 64 hexadecimal characters: the SHA-256 of the key",
					"Configure the hash of the key, never the key: printf %s \"$KEY\" | sha256sum");
		}
		byte[] digest = HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT));
		for (KeyDigest other : keys) {
			if (MessageDigest.isEqual(digest, other.digest())) {
				throw invalid(property + " is the same as a key hash of client '" + other.client() + "'",
						"Give every client its own key, and every rotation a new one.");
			}
		}
		return digest;
	}

	private AccessKey checkAccessKey(GatewaySecurityProperties.Client client, String name, String at) {
		String accessKey = client.accessKey();
		String secretKey = client.secretKey();
		if (!hasText(accessKey)) {
			if (hasText(secretKey)) {
				throw invalid(at + ".secret-key is set but " + at + ".access-key is not (client '" + name + "')",
						"Set the access key that goes with the secret key, or remove the secret key.");
			}
			return null;
		}
		if (!ACCESS_KEY.matcher(accessKey).matches()) {
			throw invalid(at + ".access-key must be 8 to 128 letters, digits, '-' or '_' (client '" + name + "')",
					"Issue an access key such as 20 random upper-case letters and digits.");
		}
		if (!hasText(secretKey)) {
			throw invalid(at + ".secret-key is missing for client '" + name + "'",
					"Supply it as the environment variable GATEWAY_SECURITY_CLIENTS_<i>_SECRET_KEY or a mounted "
							+ "file (configtree), never in a committed file.");
		}
		if (secretKey.length() < MIN_SECRET_KEY_LENGTH) {
			// The length only, never the value.
			throw invalid(
					at + ".secret-key of client '" + name + "' is too short: at least " + MIN_SECRET_KEY_LENGTH
							+ " characters are required",
					"Issue a secret key of at least " + MIN_SECRET_KEY_LENGTH + " random characters.");
		}
		AccessKey other = accessKeys.get(accessKey);
		if (other != null) {
			throw invalid(at + ".access-key is the same as the access key of client '" + other.client() + "'",
					"Give every client its own access key.");
		}
		return new AccessKey(name, accessKey, secretKey);
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static Set<String> checkProjects(List<String> projects, String at) {
		for (int j = 0; j < projects.size(); j++) {
			String project = projects.get(j);
			if (project == null || !(ClientGrant.ANY_PROJECT.equals(project) || PROJECT.matcher(project).matches())) {
				throw invalid(
						at + ".projects[" + j + "] must be '*' or a project id (" + PathRules.PROJECT_ID_MESSAGE + ")",
						"List the client's project ids, or '*' for every project.");
			}
		}
		return new LinkedHashSet<>(projects);
	}

	private static Set<String> checkOperations(List<String> operations, String at, Set<String> known) {
		for (int j = 0; j < operations.size(); j++) {
			String operation = operations.get(j);
			if (operation == null || !known.contains(operation)) {
				throw invalid(at + ".operations[" + j + "] '" + operation + "' is not an operation of the gateway",
						"Use the operation names " + String.join(", ", known) + ".");
			}
		}
		return new LinkedHashSet<>(operations);
	}

	private static ValuePatterns checkPatterns(List<String> entries, String at) {
		for (int j = 0; j < entries.size(); j++) {
			String entry = entries.get(j);
			if (entry == null || !ValuePatterns.SYNTAX.matcher(entry).matches()) {
				throw invalid(at + "[" + j + "] must be " + ValuePatterns.SYNTAX_MESSAGE,
						"List what the client may use, or leave the list out to allow everything.");
			}
		}
		return ValuePatterns.of(entries);
	}

	private static InvalidSecurityConfigurationException invalid(String message, String action) {
		return new InvalidSecurityConfigurationException(message, action);
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private record KeyDigest(String client, byte[] digest) {
	}

	private record AccessKey(String client, String accessKey, String secretKey) {

		@Override
		public String toString() {
			return "AccessKey[client=" + client + ", accessKey=" + accessKey + ", secretKey=******]";
		}

	}

}
