package dev.secgroup.gateway.simulator;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anything else under {@code /simulator/} (other paths, other methods on the fakes'
 * paths) gets what Huawei's API Gateway answers for an API it does not know: 404
 * {@code APIGW.0101}. Lets the gateway's handling of that upstream answer be tried
 * locally.
 */
@Hidden
@RestController
@Profile("local")
class UnknownApiController {

	static final String API_NOT_FOUND = "APIGW.0101";

	@RequestMapping("/simulator/**")
	ResponseEntity<JsonNode> unknownApi() {
		return HuaweiResponses.apiGatewayError(HttpStatus.NOT_FOUND, API_NOT_FOUND,
				"The API does not exist or has not been published in the environment", HuaweiResponses.newRequestId());
	}

}
