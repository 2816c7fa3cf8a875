package dev.secgroup.gateway.security;

import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Grants down to the resource: whether the calling client may attach these security
 * groups, or act on this HSS cluster and namespace. Spring Security decides operation and
 * project before the body is read; the features ask this once the request is validated
 * and before anything is sent upstream. A value outside the client's grant is refused
 * with {@code 403} problem+json naming the field and the value (and audited like any
 * answer); nothing is sent upstream.
 * <p>
 * A grant without resource lists allows every resource, as before resource grants
 * existed; in {@code none} mode everything is allowed.
 */
public final class ResourceGrants {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final ClientGrants clients;

	private final boolean enforced;

	ResourceGrants(ClientGrants clients, SecurityMode mode) {
		this.clients = clients;
		this.enforced = mode != SecurityMode.NONE;
	}

	/**
	 * Refuses the call unless the client may attach every one of these security groups.
	 * @param ids the security group ids the request attaches
	 * @param field the request's name of the i-th id, e.g.
	 * {@code i -> "port.security_groups[" + i + "]"}
	 * @throws ResourceNotGrantedException naming the first id outside the grant
	 */
	public void requireSecurityGroups(List<String> ids, IntFunction<String> field) {
		ClientGrant grant = grant();
		if (grant == null || grant.securityGroups().permitsEverything()) {
			return;
		}
		for (int i = 0; i < ids.size(); i++) {
			if (!grant.securityGroups().permits(ids.get(i))) {
				throw new ResourceNotGrantedException(grant.name(), "security group", field.apply(i), ids.get(i));
			}
		}
	}

	/**
	 * Refuses the call unless the client may act on this HSS cluster.
	 * @param field the request's name of the value, e.g. {@code cluster_id}
	 * @throws ResourceNotGrantedException if the cluster is outside the grant
	 */
	public void requireCluster(String field, String clusterId) {
		ClientGrant grant = grant();
		if (grant != null && !grant.clusters().permits(clusterId)) {
			throw new ResourceNotGrantedException(grant.name(), "cluster", field, clusterId);
		}
	}

	/**
	 * Refuses the call unless the client may act on this Kubernetes namespace.
	 * @param field the request's name of the value, e.g. {@code namespace}
	 * @throws ResourceNotGrantedException if the namespace is outside the grant
	 */
	public void requireNamespace(String field, String namespace) {
		ClientGrant grant = grant();
		if (grant != null && !grant.namespaces().permits(namespace)) {
			throw new ResourceNotGrantedException(grant.name(), "namespace", field, namespace);
		}
	}

	/**
	 * The calling client's grant; {@code null} when nothing is enforced. Authorization
	 * has already refused an unauthenticated or unknown caller; should one get here, it
	 * is granted nothing.
	 */
	private @Nullable ClientGrant grant() {
		if (!enforced) {
			return null;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		String client = trust.isAuthenticated(caller) ? caller.getName() : null;
		return clients.of(client).orElseGet(() -> ClientGrant.nothing(String.valueOf(client)));
	}

}
