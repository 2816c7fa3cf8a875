package dev.secgroup.gateway.security;

import java.util.List;

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
 * States in the OpenAPI document how callers authenticate in the configured modes (one
 * security scheme each, any one of them per call), so that Swagger UI's "Authorize" sends
 * the right credentials, and documents the 401 and 403 answers of each mirrored
 * operation.
 */
@Component
class SecurityOpenApiCustomizer implements OpenApiCustomizer {

	private final List<SecurityMode> modes;

	private final MirroredOperations operations;

	SecurityOpenApiCustomizer(GatewaySecurityProperties properties, MirroredOperations operations) {
		this.modes = properties.mode();
		this.operations = operations;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (modes.contains(SecurityMode.NONE)) {
			return;
		}
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		modes.forEach(mode -> openApi.getComponents().addSecuritySchemes(mode.propertyValue(), scheme(mode)));
		for (MirroredOperation mirrored : operations.all()) {
			PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(mirrored.path());
			Operation operation = path == null ? null
					: path.readOperationsMap().get(PathItem.HttpMethod.valueOf(mirrored.method().name()));
			if (operation == null) {
				continue;
			}
			// One requirement per mode: any one of them authenticates a call.
			modes.forEach(mode -> operation.addSecurityItem(new SecurityRequirement().addList(mode.propertyValue())));
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

	private static SecurityScheme scheme(SecurityMode mode) {
		if (mode == SecurityMode.AKSK) {
			return new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("SDK-HMAC-SHA256")
				.description("A request signed as the Huawei Cloud SDKs sign (BasicCredentials with the client's "
						+ "gateway-issued access key and secret key, the gateway as endpoint, no region). Swagger UI "
						+ "cannot sign: use an SDK.");
		}
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

	/**
	 * JSON, what callers get without asking (the Huawei SDKs), and problem+json, for an
	 * {@code Accept} that prefers it: one schema.
	 */
	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content()
				.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))
				.addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
	}

}
