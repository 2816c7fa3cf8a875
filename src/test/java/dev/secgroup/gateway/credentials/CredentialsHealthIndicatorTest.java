package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness contributor {@code credentials}: up when the gateway can prove itself without
 * asking anyone; in {@code oidc} mode only while the ID token file is there.
 */
class CredentialsHealthIndicatorTest {

	@Test
	void keysCheckedAtStartUpAreReady() {
		Health health = new CredentialsHealthIndicator(properties(CredentialsMode.AKSK, null)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("mode", "aksk");
	}

	@Test
	void anOidcReplicaIsReadyWhileItsIdTokenFileIsThere(@TempDir Path dir) throws IOException {
		Path token = Files.writeString(dir.resolve("token"), "eyJ.header.signature");
		CredentialsHealthIndicator indicator = new CredentialsHealthIndicator(properties(CredentialsMode.OIDC, token));

		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

		Files.writeString(token, "");
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);

		Files.delete(token);
		Health missing = indicator.health();
		assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
		assertThat(missing.getDetails().toString()).doesNotContain("eyJ");
	}

	private static CredentialsProperties properties(CredentialsMode mode, Path idTokenFile) {
		return new CredentialsProperties(mode, "AK", "SK", null, null, null, null, null, idTokenFile,
				Duration.ofHours(2));
	}

}
