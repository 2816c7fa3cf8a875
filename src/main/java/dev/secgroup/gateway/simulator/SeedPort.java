package dev.secgroup.gateway.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The port of the VPC document's example, as it is before the example request: the port
 * of the document's example response ({@code examples/} on the classpath, the one copy of
 * the documents' examples), without the security groups the example request inserts. So
 * the document's example request against the simulator answers the document's example
 * response.
 */
final class SeedPort {

	static final String PROJECT_ID = "f5dab68cd75740e68c599e9af5fe0aed";

	static final String PORT_ID = "99fd0c77-56b4-4bf6-8365-df352e45d5fc";

	private SeedPort() {
	}

	static JsonNode port(ObjectMapper json) {
		JsonNode request = json.readTree(example("vpc-insert-security-groups-request.json"));
		JsonNode response = json.readTree(example("vpc-insert-security-groups-response.json"));
		Set<String> inserted = new HashSet<>();
		request.path("port").path("security_groups").forEach(id -> inserted.add(id.asString()));
		ObjectNode port = (ObjectNode) response.get("port").deepCopy();
		ArrayNode before = port.putArray("security_groups"); // replaces in place: field
																// order kept
		response.path("port").path("security_groups").forEach(id -> {
			if (!inserted.contains(id.asString())) {
				before.add(id.asString());
			}
		});
		return port;
	}

	private static byte[] example(String name) {
		try (InputStream in = SeedPort.class.getResourceAsStream("/examples/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No example resource examples/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
