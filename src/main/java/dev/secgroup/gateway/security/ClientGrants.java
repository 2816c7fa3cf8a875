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
 */
final class ClientGrants {

	private static final String PREFIX = "gateway.security.clients";

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private static final Pattern PROJECT = Pattern.compile(PathRules.PROJECT_ID);

	private final Map<String, ClientGrant> grants = new HashMap<>();

	private final List<KeyDigest> keys = new ArrayList<>();

	/**
	 * @param properties the configuration
	 * @param knownOperations the names of the mirrored operations
	 * @throws InvalidSecurityConfigurationException naming the first wrong property
	 */
	ClientGrants(GatewaySecurityProperties properties, Set<String> knownOperations) {
		boolean keysRequired = properties.mode() == SecurityMode.API_KEY;
		List<GatewaySecurityProperties.Client> clients = properties.clients();
		for (int i = 0; i < clients.size(); i++) {
			GatewaySecurityProperties.Client client = clients.get(i);
			String at = PREFIX + "[" + i + "]";
			String name = checkName(client.name(), at);
			byte[] digest = checkKey(client.apiKeySha256(), at, keysRequired);
			if (digest != null) {
				keys.add(new KeyDigest(name, digest));
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

	private byte[] checkKey(String hash, String at, boolean required) {
		if (hash == null || hash.isBlank()) {
			if (required) {
				throw invalid(at + ".api-key-sha256 must be set in api-key mode",
						"Set it to the SHA-256 of the client's key: printf %s \"$KEY\" | sha256sum");
			}
			return null;
		}
		if (!SHA256_HEX.matcher(hash).matches()) {
			// Never repeat the value: it may be the key itself, pasted by mistake.
			throw invalid(at + ".api-key-sha256 must be 64 hexadecimal characters: the SHA-256 of the key",
					"Configure the hash of the key, never the key: printf %s \"$KEY\" | sha256sum");
		}
		byte[] digest = HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT));
		for (KeyDigest other : keys) {
			if (MessageDigest.isEqual(digest, other.digest())) {
				throw invalid(at + ".api-key-sha256 is the same as the key hash of client '" + other.client() + "'",
						"Give every client its own key.");
			}
		}
		return digest;
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

}
