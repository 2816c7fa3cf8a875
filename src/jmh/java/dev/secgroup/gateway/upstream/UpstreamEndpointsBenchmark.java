package dev.secgroup.gateway.upstream;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The exact URI of one upstream call, built from the endpoint template, the project's
 * region and the operation's path template: the HSS operation, with its query parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpstreamEndpointsBenchmark {

	private final UpstreamEndpoints endpoints = new UpstreamEndpoints("hss", "https://hss.{region}.myhuaweicloud.com",
			new RegionProperties("ap-southeast-1", Map.of()));

	private final UpstreamRequest request;

	public UpstreamEndpointsBenchmark() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("enterprise_project_id", "all_granted_eps");
		this.request = UpstreamRequest
			.to("hss:CreateSecurityGroupPolicy", HttpMethod.POST,
					"/v5/{project_id}/container-network/{cluster_id}/{namespace}/security-group-policy")
			.pathVariable("project_id", "f5dab68cd75740e68c599e9af5fe0aed")
			.pathVariable("cluster_id", "4bd2f3c4-8a4f-11ee-a3a3-0255ac100b08")
			.pathVariable("namespace", "monitoring")
			.query(query)
			.project("f5dab68cd75740e68c599e9af5fe0aed")
			.requestId("r")
			.build();
	}

	@Benchmark
	public URI resolveOneCall() {
		return this.endpoints.resolve(this.request);
	}

}
