package dev.secgroup.gateway.signing;

import java.nio.charset.StandardCharsets;
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

/**
 * Signing one upstream call the way the official SDK does (mode {@code aksk}): the
 * canonical request, its SHA-256 and the HMAC chain, for the VPC operation's example
 * body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SdkSigningBenchmark {

	private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer();

	private final SdkHmacSha256Signer.SigningRequest request = new SdkHmacSha256Signer.SigningRequest("PUT",
			"vpc.ap-southeast-1.myhuaweicloud.com",
			"/v3/f5dab68cd75740e68c599e9af5fe0aed/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups",
			Map.of(), Map.of("Content-Type", "application/json", "X-Project-Id", "f5dab68cd75740e68c599e9af5fe0aed"),
			"""
					{"port":{"security_groups":["8edd3747-ccd4-49a1-82b9-a165eec314b4","6c2d4540-3b7d-4207-a319-a7231b439995"],"index":1}}"""
				.getBytes(StandardCharsets.UTF_8));

	@Benchmark
	public SdkHmacSha256Signer.Signature signOneCall() {
		return this.signer.sign(this.request, "DEMOACCESSKEYBENCH01", "bench-secret-key-not-a-real-one",
				"20261126T120000Z");
	}

}
