package dev.secgroup.gateway.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/** Both fakes ask the {@link SimulatorAuthenticator} first and obey a refusal. */
class SimulatorAuthenticatorTest extends SimulatorTestSupport {

	static final List<SimulatorAuthenticator.Call> calls = new CopyOnWriteArrayList<>();

	@TestConfiguration
	static class Refusing {

		@Bean
		@Primary
		SimulatorAuthenticator refusing() {
			return call -> {
				calls.add(call);
				return SimulatorAuthenticator.Verdict.deny(401, "APIGW.0301",
						"Incorrect IAM authentication information");
			};
		}

	}

	@Autowired
	VpcPortStore ports;

	@Autowired
	HssPolicyStore policies;

	@BeforeEach
	void reset() {
		ports.reset();
		policies.reset();
		calls.clear();
	}

	@Test
	void aRefusedVpcCallIs401FromTheApiGatewayAndChangesNothing() {
		HttpResponse<String> response = send("PUT", SimulatorVpcTest.PATH + "?x=1", SimulatorVpcTest.DOC_REQUEST);

		assertVpcError(response, 401, "APIGW.0301");
		assertThat(ports.securityGroups(SimulatorVpcTest.PROJECT, SimulatorVpcTest.PORT_ID))
			.hasValue(List.of(SimulatorVpcTest.SG_1, SimulatorVpcTest.SG_2));
		assertThat(calls).singleElement().satisfies(call -> {
			assertThat(call.service()).isEqualTo("vpc");
			assertThat(call.method()).isEqualTo("PUT");
			assertThat(call.rawPath()).isEqualTo(SimulatorVpcTest.PATH);
			assertThat(call.rawQuery()).isEqualTo("x=1");
			assertThat(call.headers().getFirst("Content-Type")).isEqualTo("application/json");
			assertThat(new String(call.body(), java.nio.charset.StandardCharsets.UTF_8))
				.isEqualTo(SimulatorVpcTest.DOC_REQUEST);
		});
	}

	@Test
	void aRefusedHssCallIs401FromTheApiGatewayAndRecordsNothing() {
		HttpResponse<String> response = send("POST", SimulatorHssTest.PATH, SimulatorHssTest.DOC_REQUEST);

		assertVpcError(response, 401, "APIGW.0301");
		assertThat(policies.all()).isEmpty();
		assertThat(calls).singleElement().satisfies(call -> assertThat(call.service()).isEqualTo("hss"));
	}

}
