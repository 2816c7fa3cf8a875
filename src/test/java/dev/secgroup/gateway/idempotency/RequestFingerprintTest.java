package dev.secgroup.gateway.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PATH = "/v3/p/ports/x/insert-security-groups";

	@Test
	void memberOrderAndWhitespaceDoNotMatter() {
		assertThat(fingerprint("PUT", PATH, Map.of(), "{\"a\":1,\"b\":{\"d\":[1,2],\"c\":\"x\"}}")).isEqualTo(
				fingerprint("PUT", PATH, Map.of(), "{ \"b\" : { \"c\" : \"x\", \"d\" : [ 1, 2 ] }, \"a\" : 1 }"));
	}

	@Test
	void canonicalJsonSortsMembersWithoutWhitespace() {
		StringBuilder out = new StringBuilder();
		RequestFingerprint
			.canonicalJson(json.readTree("{ \"b\": [true, null, \"q\\\"\"], \"a\": {\"z\":1, \"y\":2.5} }"), out);
		assertThat(out).hasToString("{\"a\":{\"y\":2.5,\"z\":1},\"b\":[true,null,\"q\\\"\"]}");
	}

	@Test
	void queryOrderOfNamesDoesNotMatter() {
		Map<String, String[]> ab = new LinkedHashMap<>();
		ab.put("a", new String[] { "1" });
		ab.put("b", new String[] { "2" });
		Map<String, String[]> ba = new LinkedHashMap<>();
		ba.put("b", new String[] { "2" });
		ba.put("a", new String[] { "1" });
		assertThat(fingerprint("POST", PATH, ab, "{}")).isEqualTo(fingerprint("POST", PATH, ba, "{}"));
	}

	@Test
	void everyPartOfTheRequestCounts() {
		String base = fingerprint("PUT", PATH, Map.of(), "{\"a\":1}");
		assertThat(fingerprint("POST", PATH, Map.of(), "{\"a\":1}")).isNotEqualTo(base);
		assertThat(fingerprint("PUT", PATH + "x", Map.of(), "{\"a\":1}")).isNotEqualTo(base);
		assertThat(fingerprint("PUT", PATH, Map.of("q", new String[] { "1" }), "{\"a\":1}")).isNotEqualTo(base);
		assertThat(fingerprint("PUT", PATH, Map.of(), "{\"a\":2}")).isNotEqualTo(base);
		assertThat(fingerprint("PUT", PATH, Map.of(), "{\"a\":[1]}")).isNotEqualTo(base);
	}

	@Test
	void queryValuesCannotBeConfusedWithSeparators() {
		assertThat(fingerprint("POST", PATH, Map.of("a", new String[] { "1&b=2" }), null)).isNotEqualTo(
				fingerprint("POST", PATH, Map.of("a", new String[] { "1" }, "b", new String[] { "2" }), null));
	}

	@Test
	void isSixtyFourHexCharacters() {
		assertThat(fingerprint("PUT", PATH, Map.of(), "{}")).matches("[0-9a-f]{64}");
	}

	private static String fingerprint(String method, String path, Map<String, String[]> query, String body) {
		JsonNode tree = body == null ? null : json.readTree(body);
		return RequestFingerprint.of(method, path, query, tree);
	}

}
