package dev.secgroup.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upstream documents' example requests and answers, each kept once as a JSON resource
 * under {@code examples/} on the classpath: the OpenAPI document shows them (through a
 * feature's {@code OperationCustomizer}), the simulator's seed derives from them and the
 * tests send them.
 */
public final class DocumentExamples {

	/** The name an example carries in the OpenAPI document. */
	public static final String NAME = "document example";

	private static final JsonMapper json = JsonMapper.builder().build();

	private DocumentExamples() {
	}

	/**
	 * The example as written in its resource, without the final line break.
	 * @param resource the file name under {@code examples/}
	 */
	public static String text(String resource) {
		try (InputStream in = DocumentExamples.class.getResourceAsStream("/examples/" + resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No example resource examples/" + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Shows the example as the JSON request body of {@code operation}. */
	public static void showRequest(Operation operation, String resource) {
		addTo(operation.getRequestBody().getContent(), resource);
	}

	/**
	 * Shows the example as the JSON body of {@code operation}'s answer {@code status}.
	 */
	public static void showResponse(Operation operation, String status, String resource) {
		addTo(operation.getResponses().get(status).getContent(), resource);
	}

	private static void addTo(Content content, String resource) {
		MediaType media = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
		media.addExamples(NAME, new Example().description(NAME)
			.value(json.readValue(text(resource), new TypeReference<Map<String, Object>>() {
			})));
	}

}
