package dev.secgroup.gateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated VPC's ports: project id + port id to the port document, kept as the JSON
 * a VPC v3 answer carries (so fields the gateway does not model, such as
 * {@code binding:vif_details}, survive untouched). Starts with the VPC document's example
 * port ({@link #reset()} restores that).
 * <p>
 * Thread-safe: each insertion is one atomic update of its port, so concurrent insertions
 * into the same port are never lost and a refused one changes nothing. Callers get
 * copies, never the stored documents.
 * <p>
 * Insertion semantics (the document leaves the edge cases open; these are the simulator's
 * choices):
 * <ul>
 * <li>{@code index} 0 puts the groups at the top, n after the n-th group; an index beyond
 * the end appends (as if the list were that long), and no index appends.</li>
 * <li>A group already on the port is not added again and keeps its place (no move); a
 * group repeated in the request is added once, at its first occurrence.</li>
 * <li>A port holds at most {@value #MAX_SECURITY_GROUPS_PER_PORT} groups; an insertion
 * that would exceed that (after dropping the repeats above) is refused as a whole.</li>
 * <li>{@code updated_at} is not changed, so that the document's example answers byte for
 * byte the same every time.</li>
 * </ul>
 */
public final class VpcPortStore {

	/** The most security groups one port can hold. */
	public static final int MAX_SECURITY_GROUPS_PER_PORT = 100;

	private final ObjectMapper json;

	private final ConcurrentMap<PortKey, ObjectNode> ports = new ConcurrentHashMap<>();

	VpcPortStore(ObjectMapper json) {
		this.json = json;
		reset();
	}

	/**
	 * Forgets every change and every added port: only the document's example port
	 * remains. Meant for test set-up: a call arriving during the reset may see no port.
	 */
	public void reset() {
		ports.clear();
		put(SeedPort.port(json));
	}

	/**
	 * Adds or replaces a port (for tests and demos).
	 * @param port a port document with string {@code project_id}, {@code id} and a
	 * {@code security_groups} array
	 */
	public void put(JsonNode port) {
		if (!port.isObject() || !port.path("project_id").isString() || !port.path("id").isString()
				|| !port.path("security_groups").isArray()) {
			throw new IllegalArgumentException("A port needs project_id, id and security_groups");
		}
		ports.put(new PortKey(port.get("project_id").stringValue(), port.get("id").stringValue()),
				(ObjectNode) port.deepCopy());
	}

	/** A copy of the port document, if the port exists. */
	public Optional<JsonNode> port(String projectId, String portId) {
		ObjectNode port = ports.get(new PortKey(projectId, portId));
		return Optional.ofNullable(port == null ? null : port.deepCopy());
	}

	/** The port's security group ids in order, if the port exists. */
	public Optional<List<String>> securityGroups(String projectId, String portId) {
		return port(projectId, portId).map(VpcPortStore::securityGroupsOf);
	}

	/**
	 * Inserts security groups into a port's list (see the class comment for the
	 * semantics).
	 * @param dryRun check only: the port is left as it is
	 * @return a copy of the port as it is (or, for a dry run, would be) afterwards
	 * @throws PortNotFoundException if there is no such port
	 * @throws TooManySecurityGroupsException if the port would hold too many groups
	 */
	JsonNode insertSecurityGroups(String projectId, String portId, List<String> securityGroups, @Nullable Integer index,
			boolean dryRun) {
		JsonNode[] result = new JsonNode[1];
		// compute() runs atomically per key; an exception thrown inside leaves the
		// mapping unchanged.
		ports.compute(new PortKey(projectId, portId), (key, current) -> {
			if (current == null) {
				throw new PortNotFoundException(portId);
			}
			List<String> merged = merge(securityGroupsOf(current), securityGroups, index);
			if (merged.size() > MAX_SECURITY_GROUPS_PER_PORT) {
				throw new TooManySecurityGroupsException(merged.size());
			}
			ObjectNode updated = current.deepCopy();
			ArrayNode list = updated.putArray("security_groups"); // replaces in place:
																	// field order kept
			merged.forEach(list::add);
			result[0] = updated.deepCopy();
			return dryRun ? current : updated;
		});
		return result[0];
	}

	static List<String> merge(List<String> existing, List<String> inserted, @Nullable Integer index) {
		List<String> fresh = new ArrayList<>();
		for (String id : inserted) {
			if (!existing.contains(id) && !fresh.contains(id)) {
				fresh.add(id);
			}
		}
		List<String> merged = new ArrayList<>(existing);
		merged.addAll(index == null ? existing.size() : Math.min(index, existing.size()), fresh);
		return merged;
	}

	private static List<String> securityGroupsOf(JsonNode port) {
		List<String> ids = new ArrayList<>();
		port.path("security_groups").forEach(id -> ids.add(id.asString()));
		return ids;
	}

	private record PortKey(String projectId, String portId) {
	}

	/** No port with that id in that project. */
	static final class PortNotFoundException extends RuntimeException {

		PortNotFoundException(String portId) {
			super("Port " + portId + " could not be found.", null, false, false);
		}

	}

	/**
	 * The insertion would leave more than {@value #MAX_SECURITY_GROUPS_PER_PORT} groups
	 * on the port.
	 */
	static final class TooManySecurityGroupsException extends RuntimeException {

		TooManySecurityGroupsException(int resulting) {
			super("A port can be associated with at most " + MAX_SECURITY_GROUPS_PER_PORT
					+ " security groups; this request would associate " + resulting + ".", null, false, false);
		}

	}

}
