package dev.secgroup.gateway.observability;

import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.call.CallContext;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log line written on a reactor thread (a retry's attempt, a token fetch) carries the
 * request id and trace of the call that scheduled it, as one on the request thread does
 * ({@code spring.reactor.context-propagation=auto} and the request id's MDC accessor).
 */
class ReactorContextPropagationTest extends GatewayTestSupport {

	@Autowired
	ObservationRegistry observations;

	@Autowired
	Tracer tracer;

	@Test
	void requestIdAndTraceIdsFollowOntoAReactorThread() {
		Observation call = Observation.start("test.call", observations);
		MDC.put(CallContext.MDC_REQUEST_ID, "request-on-reactor-thread");
		try (Observation.Scope scope = call.openScope()) {
			String traceId = tracer.currentSpan().context().traceId();

			Map<String, String> seen = Mono.delay(Duration.ofMillis(1))
				.map(tick -> Map.of("thread", Thread.currentThread().getName(), "request_id",
						String.valueOf(MDC.get(CallContext.MDC_REQUEST_ID)), "traceId",
						String.valueOf(MDC.get("traceId"))))
				.block();

			assertThat(seen.get("thread")).startsWith("parallel-");
			assertThat(seen.get("request_id")).isEqualTo("request-on-reactor-thread");
			assertThat(seen.get("traceId")).isEqualTo(traceId);
		}
		finally {
			MDC.remove(CallContext.MDC_REQUEST_ID);
			call.stop();
		}
	}

}
