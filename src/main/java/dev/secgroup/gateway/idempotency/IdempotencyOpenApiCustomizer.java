package dev.secgroup.gateway.idempotency;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.call.MirroredOperations;

/**
 * Publishes the {@code Idempotency-Key} contract on every mirrored operation: the header
 * (with the retention the draft asks servers to publish), the 409 and 422 answers, the
 * 503 of an unreachable store and the {@code Idempotent-Replayed} (and
 * {@code Idempotent-Body-Omitted}) header of a replay.
 */
final class IdempotencyOpenApiCustomizer implements OpenApiCustomizer {

	/** Answers made before any upstream call or about the key itself: never kept. */
	private static final Set<String> NEVER_REPLAYED = Set.of("401", "403", "409", "413", "415", "422", "503");

	private final MirroredOperations operations;

	private final Duration ttl;

	private final Set<String> requiredFor;

	IdempotencyOpenApiCustomizer(MirroredOperations operations, Duration ttl, Set<String> requiredFor) {
		this.operations = operations;
		this.ttl = ttl;
		this.requiredFor = Set.copyOf(requiredFor);
	}

	@Override
	public void customise(OpenAPI openApi) {
		for (MirroredOperation mirrored : operations.all()) {
			PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(mirrored.path());
			Operation operation = path == null ? null
					: path.readOperationsMap().get(PathItem.HttpMethod.valueOf(mirrored.method().name()));
			if (operation != null) {
				document(operation, requiredFor.contains(mirrored.name()));
			}
		}
	}

	private void document(Operation operation, boolean required) {
		operation.addParametersItem(new HeaderParameter().name(IdempotencyKey.HEADER)
			.required(required)
			.schema(new StringSchema().minLength(1)
				.maxLength(IdempotencyKey.MAX_LENGTH + 2)
				.example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
			.description("Makes a retry safe (IETF draft-ietf-httpapi-idempotency-key-header): " + IdempotencyKey.RULE
					+ ", unique per request, e.g. a UUID. Scoped to the client and operation. "
					+ "The first call with a key runs; a retry with the same key and request gets the same answer "
					+ "again (header Idempotent-Replayed: true) without calling upstream. Keys and their answers "
					+ "are kept for " + describe(ttl) + "; a key reused after that starts a new call."
					+ (required ? " Required for this operation." : "")));
		operation.getResponses()
			.addApiResponse("409",
					problem("A call with this Idempotency-Key is still running (GW.0409); retry after "
							+ "Retry-After seconds to get its answer."))
			.addApiResponse("422", problem("This Idempotency-Key was used for a different request (GW.0422)."));
		ApiResponse unavailable = operation.getResponses().get("503");
		String storeDown = "With Idempotency-Key: the idempotency store cannot be reached (GW.0531); nothing was "
				+ "sent upstream.";
		if (unavailable == null) {
			operation.getResponses().addApiResponse("503", problem(storeDown));
		}
		else {
			unavailable.setDescription(unavailable.getDescription() + " " + storeDown);
		}
		operation.getResponses().forEach((status, response) -> {
			if (!NEVER_REPLAYED.contains(status)) {
				response.addHeaderObject(Idempotency.REPLAYED_HEADER,
						new Header().schema(new StringSchema()._enum(List.of("true")))
							.description("Present on an answer replayed for an Idempotency-Key: the answer of the "
									+ "key's first call, byte for byte."));
				response.addHeaderObject(Idempotency.BODY_OMITTED_HEADER,
						new Header().schema(new IntegerSchema().minimum(BigDecimal.ONE))
							.description("Present on a replayed answer whose body was too large to keep "
									+ "(gateway.idempotency.max-stored-body-size): the size in bytes of the body the "
									+ "first call answered; this replay has the first call's status and no body."));
			}
		});
	}

	/** A retention as people say it: {@code 24 hours}, {@code 90 minutes}. */
	static String describe(Duration duration) {
		if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0 && duration.toNanosPart() == 0) {
			return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
		}
		if (duration.toSecondsPart() == 0 && duration.toNanosPart() == 0) {
			return duration.toMinutes() + " minutes";
		}
		return duration.toString();
	}

	/**
	 * JSON unless Accept prefers problem+json, like every other error answer: one schema.
	 */
	private static ApiResponse problem(String description) {
		Schema<?> problem = new Schema<>().$ref("#/components/schemas/ProblemDetail");
		return new ApiResponse().description(description)
			.content(new Content()
				.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(problem))
				.addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						new MediaType().schema(problem)));
	}

}
