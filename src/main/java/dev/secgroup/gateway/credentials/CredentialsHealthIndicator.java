package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness contributor {@code credentials}: whether this replica can prove the gateway's
 * identity upstream, judged locally. The keys, password or caller tokens of the other
 * modes are checked at start-up and cannot go away; in {@code oidc} mode the ID token is
 * a file the kubelet rotates, so a replica whose file is missing or empty is not ready.
 * IAM itself is never asked: its outage is an upstream's (the {@code iam} circuit), which
 * must not take every replica out of the Service.
 */
final class CredentialsHealthIndicator implements HealthIndicator {

	private final CredentialsMode mode;

	private final Path idTokenFile;

	CredentialsHealthIndicator(CredentialsProperties credentials) {
		this.mode = credentials.mode();
		this.idTokenFile = credentials.idTokenFile();
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		if (mode == CredentialsMode.OIDC) {
			health = idTokenReadable() ? Health.up()
					: Health.down().withDetail("reason", "ID token file missing, unreadable or empty");
			health.withDetail("idTokenFile", String.valueOf(idTokenFile));
		}
		return health.withDetail("mode", mode.tag()).build();
	}

	private boolean idTokenReadable() {
		try {
			return idTokenFile != null && Files.isReadable(idTokenFile) && Files.size(idTokenFile) > 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
