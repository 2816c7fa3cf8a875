package dev.secgroup.gateway.credentials;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.secgroup.gateway.upstream.UpstreamHeaders;

/**
 * In {@code passthrough} mode every operation needs the caller's own IAM token: the
 * OpenAPI document declares the {@code X-Auth-Token} header, so that clients generated
 * from it and Swagger UI's "Try it out" send it, and its 401.
 */
final class PassthroughOpenApiCustomizer implements OpenApiCustomizer {

	private static final String UNAUTHORIZED = "401";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
			operation.addParametersItem(new HeaderParameter().name(UpstreamHeaders.AUTH_TOKEN)
				.required(true)
				.schema(new StringSchema().minLength(1).maxLength(32768))
				.description("The caller's own IAM token, project-scoped: the gateway forwards it to Huawei Cloud "
						+ "as it came (pass-through credentials)."));
			String missing = "Without X-Auth-Token (GW.0401): nothing was sent upstream.";
			ApiResponse existing = operation.getResponses().get(UNAUTHORIZED);
			if (existing == null) {
				operation.getResponses().addApiResponse(UNAUTHORIZED, new ApiResponse().description(missing));
			}
			else {
				existing.setDescription(existing.getDescription() + " " + missing);
			}
		}));
	}

}
