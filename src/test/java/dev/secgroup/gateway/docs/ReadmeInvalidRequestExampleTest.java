package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's invalid-request example is what the gateway answers: the same call, the same
 * problem body (but its request id), and nothing sent upstream.
 */
class ReadmeInvalidRequestExampleTest extends GatewayTestSupport {

	private static final Pattern EXAMPLE = Pattern
		.compile("An invalid request is answered 400.*?curl -s -X PUT http://localhost:8080(\\S+) \\\\.*?-d '([^']*)'"
				+ ".*?```json\\s*(\\{.*?\\})\\s*```", Pattern.DOTALL);

	@Test
	void theReadmesInvalidRequestIsAnsweredAsItShows() throws IOException {
		Matcher example = EXAMPLE.matcher(Files.readString(Path.of("README.md")));
		assertThat(example.find()).as("README.md has the invalid-request example").isTrue();

		HttpResponse<String> answer = put(example.group(1), example.group(2));

		assertThat(answer.statusCode()).isEqualTo(400);
		ObjectNode shown = (ObjectNode) json.readTree(example.group(3));
		ObjectNode got = (ObjectNode) json.readTree(answer.body());
		assertThat(got.path("request_id").asString()).isNotBlank();
		shown.remove("request_id");
		got.remove("request_id");
		assertThat((JsonNode) got).isEqualTo(shown);
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

}
