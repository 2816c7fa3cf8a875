package dev.secgroup.gateway.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every error response the document declares as {@code application/problem+json} is
 * declared as {@code application/json} too, with the same schema and examples: the
 * gateway answers JSON unless the caller's {@code Accept} prefers problem+json
 * ({@link ProblemMediaType}). Runs after every other customizer, so that the responses
 * they add (401, 403...) are covered as well.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorMediaTypesOpenApiCustomizer implements OpenApiCustomizer {

	private static final String PROBLEM = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.values()
			.forEach(path -> path.readOperations()
				.stream()
				.filter(operation -> operation.getResponses() != null)
				.forEach(operation -> operation.getResponses().values().forEach(this::addJson)));
		if (openApi.getComponents() != null && openApi.getComponents().getResponses() != null) {
			openApi.getComponents().getResponses().values().forEach(this::addJson);
		}
	}

	private void addJson(ApiResponse response) {
		Content content = response.getContent();
		if (content == null || !content.containsKey(PROBLEM) || content.containsKey(JSON)) {
			return;
		}
		MediaType problem = content.get(PROBLEM);
		// JSON first: what callers get without asking.
		Content both = new Content();
		both.addMediaType(JSON,
				new MediaType().schema(problem.getSchema())
					.example(problem.getExample())
					.examples(problem.getExamples()));
		both.addMediaType(PROBLEM, problem);
		response.setContent(both);
	}

}
