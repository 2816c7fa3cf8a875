package dev.secgroup.gateway.upstream;

import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * What the retry-table tests share ({@link RetryTableTest},
 * {@link RetryTableTimeoutTest}): the upstream paths of both operations, an upstream that
 * fails once then answers, and the count of requests it received.
 */
abstract class RetryTableSupport extends GatewayTestSupport {

	/** The idempotent PUT, as WireMock receives it. */
	static final String VPC = "/vpc" + VPC_PATH;

	/** The non-idempotent POST, as WireMock receives it. */
	static final String HSS = "/hss" + HSS_PATH;

	/** Upstream answers {@code failure} to the first request, then 200 {@code {}}. */
	static void failOnceThenSucceed(Supplier<MappingBuilder> request, ResponseDefinitionBuilder failure) {
		upstream.stubFor(request.get()
			.inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(failure)
			.willSetStateTo("recovered"));
		upstream.stubFor(request.get()
			.inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
	}

	/** Requests upstream received: the attempts the gateway made. */
	static int calls() {
		return upstream.findAll(anyRequestedFor(urlPathMatching(".*"))).size();
	}

}
