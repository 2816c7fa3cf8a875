package dev.secgroup.gateway.quota;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is calling, for the waiting limit: the authenticated client on this thread; and the
 * call's context, where its waits are recorded for the audit.
 */
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

	/** The call being served on this thread; {@code null} outside a request. */
	static @Nullable CallContext currentCall() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return CallContext.of(request);
		}
		return null;
	}

	/** Who calls and the call's context, taken together on the caller's thread. */
	record Caller(String name, @Nullable CallContext call) {

		static Caller current() {
			return new Caller(Callers.current(), currentCall());
		}

	}

}
