package dev.secgroup.gateway.quota;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, for the waiting limit: the authenticated client on this thread. */
final class Callers {

	/** Callers without a client (security mode {@code none}) share one line. */
	static final String ANONYMOUS = "anonymous";

	private static final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private Callers() {
	}

	/** The authenticated client's name, or {@value #ANONYMOUS}. */
	static String current() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return trust.isAuthenticated(caller) ? caller.getName() : ANONYMOUS;
	}

}
