package dev.secgroup.gateway.simulator;

/**
 * Accepts every call: credential checking is not built yet. Keeps the local profile usable with
 * any {@code gateway.credentials.mode} until a verifying {@link SimulatorAuthenticator} replaces it.
 */
final class AllowAllSimulatorAuthenticator implements SimulatorAuthenticator {

	@Override
	public Verdict authenticate(Call call) {
		return Verdict.allow();
	}

}
