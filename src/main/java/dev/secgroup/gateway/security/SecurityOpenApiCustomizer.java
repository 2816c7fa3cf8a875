package dev.secgroup.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.secgroup.gateway.call.MirroredOperation;
import dev.secgroup.gateway.call.MirroredOperations;

import org.springframework.stereotype.Component;

/**
 * States in the OpenAPI document how callers authenticate in the configured mode, so that
 * Swagger UI's "Authorize" sends the right credentials, and documents the 401 and 403
 * answers of each mirrored operation.
 */
@Component
class SecurityOpenApiCustomizer implements OpenApiCustomizer {

	private static final String SCHEME = "gateway";

	private final SecurityMode mode;

	private final MirroredOperations operations;

	SecurityOpenApiCustomizer(GatewaySecurityProperties properties, MirroredOperations operations) {
		this.mode = properties.mode();
		this.operations = operations;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (mode == SecurityMode.NONE) {
			return;
		}
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSecuritySchemes(SCHEME, scheme());
		for (MirroredOperation mirrored : operations.all()) {
			PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(mirrored.path());
			Operation operation = path == null ? null
					: path.readOperationsMap().get(PathItem.HttpMethod.valueOf(mirrored.method().name()));
			if (operation == null) {
				continue;
			}
			operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
			operation.getResponses()
				.addApiResponse("401",
						problem("Missing or invalid credentials (see WWW-Authenticate); nothing was "
								+ "sent upstream."))
				.addApiResponse("403",
						problem("The client is not granted " + mirrored.name()
								+ " for this project (client, operation and project_id name what was refused); nothing "
								+ "was sent upstream."));
		}
	}

	private SecurityScheme scheme() {
		if (mode == SecurityMode.JWT) {
			return new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("A JWT of the configured issuer and audience, e.g. a Kubernetes projected "
						+ "service-account token.");
		}
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name(ApiKeyAuthentication.HEADER)
			.description("The client's API key.");
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
	}

}
