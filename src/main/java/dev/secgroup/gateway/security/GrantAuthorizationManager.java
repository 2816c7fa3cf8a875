package dev.secgroup.gateway.security;

import java.util.function.Supplier;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperation;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Decides a call of a mirrored operation: the authenticated client must be granted the
 * operation and the project in the path, both as the call's context names them. An
 * unauthenticated caller is refused without a reason, which Spring Security answers 401;
 * an unknown client gets nothing.
 */
final class GrantAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final ClientGrants clients;

	GrantAuthorizationManager(ClientGrants clients) {
		this.clients = clients;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (!trust.isAuthenticated(caller)) {
			return new AuthorizationDecision(false);
		}
		String client = caller.getName();
		CallContext call = CallContext.of(context.getRequest());
		MirroredOperation mirrored = call.operation();
		if (mirrored == null) {
			return new AuthorizationDecision(false);
		}
		String operation = mirrored.name();
		String project = call.projectId();
		return clients.of(client).map(grant -> {
			if (!grant.permitsOperation(operation)) {
				return GrantDecision.refused(client, operation, project,
						"Client '" + client + "' is not granted operation " + operation + ".");
			}
			if (!grant.permitsProject(project)) {
				return GrantDecision.refused(client, operation, project,
						"Client '" + client + "' is not granted project '" + project + "' for " + operation + ".");
			}
			return GrantDecision.granted(client, operation, project);
		})
			.orElseGet(() -> GrantDecision.refused(client, operation, project,
					"Client '" + client + "' has no grant: it may not call the gateway."));
	}

}
