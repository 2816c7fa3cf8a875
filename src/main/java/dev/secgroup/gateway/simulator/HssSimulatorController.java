package dev.secgroup.gateway.simulator;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fake HSS v5 "Creating a Security Group Policy" at {@code POST
 * /simulator/hss/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy}.
 * <p>
 * A valid call is recorded in {@link HssPolicyStore} and answered 200 with an empty body
 * (the document's response is "None"). An invalid one is answered 400
 * {@code {"error_code":"HSS.1001","error_description":"...","error_msg":"..."}}, HSS's
 * body shape and status for its errors; the code itself is the simulator's pick in HSS's
 * range. Every answer carries a fresh {@code X-Request-Id}.
 */
@Hidden
@RestController
@Profile("local")
@RequestMapping("/simulator/hss")
class HssSimulatorController {

	static final String INVALID_PARAM = "HSS.1001";

	/** Huawei's API gateway code for a call over the rate limit (HTTP 429). */
	static final String THROTTLED = "APIGW.0308";

	private final HssPolicyStore policies;

	private final SimulatorAuthenticator authenticator;

	private final ObjectMapper json;

	private final HssRateLimit limit;

	HssSimulatorController(HssPolicyStore policies, SimulatorAuthenticator authenticator, ObjectMapper json,
			HssRateLimit limit) {
		this.policies = policies;
		this.authenticator = authenticator;
		this.json = json;
		this.limit = limit;
	}

	@PostMapping("/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy")
	ResponseEntity<JsonNode> createSecurityGroupPolicy(@PathVariable("project_id") String projectId,
			@PathVariable("cluster_id") String clusterId, @PathVariable("namespace") String namespace,
			@RequestParam(name = "enterprise_project_id", required = false) @Nullable String enterpriseProjectId,
			@RequestBody(required = false) byte @Nullable [] body, HttpServletRequest request) {
		String requestId = HuaweiResponses.newRequestId();
		byte[] bytes = body == null ? new byte[0] : body;
		SimulatorAuthenticator.Verdict verdict = authenticator
			.authenticate(HuaweiResponses.call("hss", projectId, request, bytes));
		if (!verdict.allowed()) {
			return HuaweiResponses.refused(verdict, requestId);
		}
		if (!limit.tryCall(projectId)) {
			// Huawei's API gateway throttles before the service sees the call.
			return HuaweiResponses.apiGatewayError(HttpStatus.TOO_MANY_REQUESTS, THROTTLED,
					"The throttling threshold has been reached: policy user over ratelimit,limit:" + limit.requests()
							+ ",time:" + window(limit.per()),
					requestId);
		}
		HssPolicyRequest policy;
		try {
			HssPolicyRequest.checkTarget(projectId, enterpriseProjectId);
			policy = HssPolicyRequest.parse(HuaweiResponses.readJson(json, bytes));
		}
		catch (InvalidRequestException ex) {
			return HuaweiResponses.hssError(HttpStatus.BAD_REQUEST, INVALID_PARAM, ex.getMessage(), requestId);
		}
		policies.record(
				new RecordedPolicy(requestId, projectId, clusterId, namespace, enterpriseProjectId, policy.policyName(),
						policy.workloadId(), policy.workloadName(), policy.workloadType(), policy.securityGroups()));
		return ResponseEntity.ok().header(HuaweiResponses.REQUEST_ID, requestId).build();
	}

	/** The window as Huawei words it ({@code 1 minute}, {@code 1 second}...). */
	private static String window(java.time.Duration per) {
		if (per.toSeconds() % 60 == 0) {
			long minutes = per.toMinutes();
			return minutes + (minutes == 1 ? " minute" : " minutes");
		}
		long seconds = Math.max(1, per.toSeconds());
		return seconds + (seconds == 1 ? " second" : " seconds");
	}

}
