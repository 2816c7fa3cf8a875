package dev.secgroup.gateway.simulator;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake VPC v3 "Adding a Security Group to the Security Group List of a Port" at
 * {@code PUT /simulator/vpc/v3/{project_id}/ports/{port_id}/insert-security-groups}.
 * <p>
 * Answers, each with a fresh {@code X-Request-Id}:
 * <ul>
 * <li>200 {@code {"port":{...},"request_id":"..."}}: the whole port afterwards, request
 * id equal to the header;</li>
 * <li>202 {@code {"request_id":"..."}} for {@code dry_run: true} that passes the checks
 * (port exists, limit kept; the document does not give the 202 body);</li>
 * <li>400 {@code VPC.2500} for a missing or invalid body ("Param is invalid" is the port
 * module's code in Huawei's VPC error table);</li>
 * <li>404 {@code VPC.2501} for an unknown port in the project;</li>
 * <li>400 {@code VPC.2502} when the port would hold more than 100 security groups.</li>
 * </ul>
 * {@code VPC.2501} and {@code VPC.2502} are the simulator's own picks next to
 * {@code VPC.2500}: no published code for these two cases was found. Error bodies are
 * {@code {"error_msg","error_code","request_id"}}.
 */
@Hidden
@RestController
@Profile("local")
@RequestMapping("/simulator/vpc")
class VpcSimulatorController {

	static final String INVALID_PARAM = "VPC.2500";

	static final String PORT_NOT_FOUND = "VPC.2501";

	static final String TOO_MANY_SECURITY_GROUPS = "VPC.2502";

	private final VpcPortStore ports;

	private final SimulatorAuthenticator authenticator;

	private final ObjectMapper json;

	VpcSimulatorController(VpcPortStore ports, SimulatorAuthenticator authenticator, ObjectMapper json) {
		this.ports = ports;
		this.authenticator = authenticator;
		this.json = json;
	}

	@PutMapping("/v3/{project_id}/ports/{port_id}/insert-security-groups")
	ResponseEntity<JsonNode> insertSecurityGroups(@PathVariable("project_id") String projectId,
			@PathVariable("port_id") String portId, @RequestBody(required = false) byte @Nullable [] body,
			HttpServletRequest request) {
		String requestId = HuaweiResponses.newRequestId();
		byte[] bytes = body == null ? new byte[0] : body;
		SimulatorAuthenticator.Verdict verdict = authenticator
			.authenticate(HuaweiResponses.call("vpc", projectId, request, bytes));
		if (!verdict.allowed()) {
			return HuaweiResponses.refused(verdict, requestId);
		}
		VpcInsertRequest insert;
		try {
			insert = VpcInsertRequest.parse(HuaweiResponses.readJson(json, bytes));
		}
		catch (InvalidRequestException ex) {
			return HuaweiResponses.vpcError(HttpStatus.BAD_REQUEST, INVALID_PARAM, ex.getMessage(), requestId);
		}
		JsonNode port;
		try {
			port = ports.insertSecurityGroups(projectId, portId, insert.securityGroups(), insert.index(),
					insert.dryRun());
		}
		catch (VpcPortStore.PortNotFoundException ex) {
			return HuaweiResponses.vpcError(HttpStatus.NOT_FOUND, PORT_NOT_FOUND, ex.getMessage(), requestId);
		}
		catch (VpcPortStore.TooManySecurityGroupsException ex) {
			return HuaweiResponses.vpcError(HttpStatus.BAD_REQUEST, TOO_MANY_SECURITY_GROUPS, ex.getMessage(),
					requestId);
		}
		ObjectNode answer = JsonNodeFactory.instance.objectNode();
		if (insert.dryRun()) {
			answer.put("request_id", requestId);
			return HuaweiResponses.json(HttpStatus.ACCEPTED, answer, requestId);
		}
		answer.set("port", port);
		answer.put("request_id", requestId);
		return HuaweiResponses.json(HttpStatus.OK, answer, requestId);
	}

}
