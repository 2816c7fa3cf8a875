package dev.secgroup.gateway.idempotency;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.upstream.UpstreamProperties;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IdempotencyConfigurationTest {

	@Test
	void leaseDefaultsToTwiceTheLongestCallDeadline() {
		UpstreamProperties upstreams = new UpstreamProperties(
				Map.of("vpc", upstream(Duration.ofSeconds(30)), "hss", upstream(Duration.ofSeconds(45))));

		assertThat(IdempotencyConfiguration.lease(properties(null, Set.of()), upstreams))
			.isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void aConfiguredLeaseWins() {
		UpstreamProperties upstreams = new UpstreamProperties(Map.of("vpc", upstream(Duration.ofSeconds(30))));

		assertThat(IdempotencyConfiguration.lease(properties(Duration.ofMinutes(5), Set.of()), upstreams))
			.isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void requiredForMustNameKnownOperations() {
		Set<String> operations = Set.of("vpc:AddSecurityGroups");

		IdempotencyConfiguration.requireKnown(Set.of("vpc:AddSecurityGroups"), operations);
		assertThatIllegalStateException()
			.isThrownBy(
					() -> IdempotencyConfiguration.requireKnown(Set.of("hss:CreateSecurityGroupPolicy"), operations))
			.withMessageContaining("gateway.idempotency.required-for")
			.withMessageContaining("hss:CreateSecurityGroupPolicy");
	}

	@Test
	void retentionIsPublishedAsPeopleSayIt() {
		assertThat(IdempotencyOpenApiCustomizer.describe(Duration.ofHours(24))).isEqualTo("24 hours");
		assertThat(IdempotencyOpenApiCustomizer.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
	}

	private static IdempotencyProperties properties(Duration lease, Set<String> requiredFor) {
		return new IdempotencyProperties(Duration.ofHours(24), lease, requiredFor, DataSize.ofKilobytes(64),
				new IdempotencyProperties.Memory(10));
	}

	private static UpstreamProperties.Upstream upstream(Duration deadline) {
		return new UpstreamProperties.Upstream("http://x", Duration.ofSeconds(2), Duration.ofSeconds(10),
				new UpstreamProperties.Pool(1, 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
				new UpstreamProperties.Retry(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5),
						deadline),
				new UpstreamProperties.Quota(0, Duration.ofMinutes(1), Duration.ofSeconds(30)));
	}

}
