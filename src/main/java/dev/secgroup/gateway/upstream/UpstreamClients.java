package dev.secgroup.gateway.upstream;

/**
 * The adapters the features call upstream with: each proves the gateway's identity with
 * the configured {@link UpstreamAuthenticator} (AK/SK signature, IAM token or the
 * caller's own token) on every attempt.
 */
public final class UpstreamClients {

	private final UpstreamClientFactory factory;

	private final UpstreamAuthenticator authenticator;

	UpstreamClients(UpstreamClientFactory factory, UpstreamAuthenticator authenticator) {
		this.factory = factory;
		this.authenticator = authenticator;
	}

	/**
	 * The authenticated adapter of the named upstream, built on first use (at start-up,
	 * by the features).
	 */
	public UpstreamClient client(String name) {
		return factory.client(name, authenticator);
	}

}
