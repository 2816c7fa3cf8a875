package dev.secgroup.gateway.call;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class CallContextTest {

	private static final MirroredOperation OPERATION = MirroredOperation.put("vpc:AddSecurityGroups",
			"/v3/{project_id}/ports/{port_id}/insert-security-groups", "vpc");

	@Test
	void aRequestHasOneContextCreatedByTheFilter() {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/v3/p/ports/x/insert-security-groups");
		CallContext context = call(Map.of("project_id", "p", "port_id", "x"));
		context.attach(request);

		assertThat(CallContext.of(request)).isSameAs(context);
		assertThat(CallContext.of(request).projectId()).isEqualTo("p");
		assertThat(CallContext.of(request).operation()).isEqualTo(OPERATION);
	}

	@Test
	void aRequestTheFilterNeverSawGetsOneDetachedContextWithAnId() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");

		CallContext context = CallContext.of(request);

		assertThat(context.isMirroredCall()).isFalse();
		assertThat(context.requestId()).isNotBlank();
		assertThat(CallContext.of(request)).isSameAs(context);
	}

	@Test
	void aBodyAddsItsTargetsAfterThoseRecordedBeforeAndNullsAreLeftOut() {
		CallContext context = call(Map.of());
		Map<String, String> target = new LinkedHashMap<>();
		target.put("workload_type", "deployments");
		target.put("workload_id", null);
		target.put("policy_name", "p");

		context.target(new Body(target, List.of("sg-1", "sg-2"), null)).target("enterprise_project_id", "0");

		assertThat(context.target()).containsExactly(Map.entry("workload_type", "deployments"),
				Map.entry("policy_name", "p"), Map.entry("enterprise_project_id", "0"));
		assertThat(context.securityGroupIds()).containsExactly("sg-1", "sg-2");
		assertThat(context.dryRun()).isNull();
	}

	@Test
	void aFailureWithoutAnAnswerKeepsOnlyTheAttempts() {
		CallContext context = call(Map.of());

		context.upstreamFailed(3, null, null);

		assertThat(context.attempts()).isEqualTo(3);
		assertThat(context.upstreamStatus()).isNull();
		assertThat(context.upstreamRequestId()).isNull();
	}

	@Test
	void factsOfLaterStepsAreTypedAndToldApartByIdentity() {
		CallContext context = call(Map.of());
		CallContext.Fact<Long> waited = new CallContext.Fact<>("quota_wait_ms", Long.class);
		CallContext.Fact<Long> sameName = new CallContext.Fact<>("quota_wait_ms", Long.class);

		context.put(waited, 12L);

		assertThat(context.get(waited)).isEqualTo(12L);
		assertThat(context.get(sameName)).isNull();
	}

	@Test
	void theLatencyCountsFromArrival() {
		CallContext context = new CallContext("r-00000001", null, Instant.parse("2026-11-26T10:00:00.123456Z"),
				1_000_000L, "10.0.0.1", null, null);

		assertThat(context.time()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123Z"));
		assertThat(context.elapsedMillis(43_000_000L)).isEqualTo(42);
	}

	private static CallContext call(Map<String, String> variables) {
		return new CallContext("r-00000001", null, Instant.now(), System.nanoTime(), "10.0.0.1", null,
				new MirroredOperations.Call(OPERATION, variables));
	}

	private record Body(Map<String, String> auditTarget, List<String> auditSecurityGroupIds,
			Boolean auditDryRun) implements AuditTarget {
	}

}
