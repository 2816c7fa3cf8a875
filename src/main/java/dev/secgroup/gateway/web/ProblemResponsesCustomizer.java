package dev.secgroup.gateway.web;

import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.call.MirroredOperations;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The problem answers every mirrored operation shares, declared once for the OpenAPI
 * document: every error response a controller lists ({@code 400}, {@code 404}, ...) is
 * problem+json, and every operation may answer 502, 503 (circuit open) and 504 from its
 * upstream. Controllers list only what is their own.
 */
@Component
class ProblemResponsesCustomizer implements GlobalOperationComponentsCustomizer {

	private final MirroredOperations operations;

	ProblemResponsesCustomizer(MirroredOperations operations) {
		this.operations = operations;
	}

	/** Never called: springdoc calls the variant with the components. */
	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		return operation;
	}

	@Override
	public Operation customize(Operation operation, Components components, HandlerMethod handler) {
		Optional<MirroredOperation> mirrored = mirroredBy(handler);
		if (mirrored.isEmpty() || operation.getResponses() == null) {
			return operation;
		}
		Schema<?> problem = SpringDocAnnotationsUtils.extractSchema(components, ProblemDetail.class, null, null,
				SpecVersion.V31);
		operation.getResponses().forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				response.setContent(problemContent(problem));
			}
		});
		String upstream = mirrored.get().upstream().toUpperCase(Locale.ROOT);
		operation.getResponses()
			.addApiResponse("502", problem(problem, "Upstream failed or could not be reached."))
			.addApiResponse("503",
					problem(problem, "Circuit open: " + upstream + " calls are suspended (see Retry-After)."))
			.addApiResponse("504", problem(problem, upstream + " did not answer in time."));
		return operation;
	}

	/**
	 * The mirrored operation a handler method serves, by its mapping's method and path.
	 */
	private Optional<MirroredOperation> mirroredBy(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping == null || mapping.method().length != 1 || mapping.path().length != 1) {
			return Optional.empty();
		}
		return operations.all()
			.stream()
			.filter(operation -> operation.method().name().equals(mapping.method()[0].name())
					&& operation.path().equals(mapping.path()[0]))
			.findFirst();
	}

	private static ApiResponse problem(Schema<?> problem, String description) {
		return new ApiResponse().description(description).content(problemContent(problem));
	}

	private static Content problemContent(Schema<?> problem) {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new MediaType().schema(problem));
	}

}
