package dev.secgroup.gateway.call;

import java.util.List;
import java.util.Map;

/**
 * A request body that says what its call acts on, so that the audit event can name it
 * without the controller spelling audit's field names. The path values are recorded
 * already ({@link CallContext#variables()}); a body adds what only it knows. Read once
 * the body is valid ({@link CallContext#target(AuditTarget)}).
 */
public interface AuditTarget {

	/**
	 * What the call acts on beyond its path values, in the order the audit event lists
	 * them ({@code target} members); {@code null} values are left out.
	 */
	default Map<String, String> auditTarget() {
		return Map.of();
	}

	/** The security groups the call attaches, in request order. */
	List<String> auditSecurityGroupIds();

	/**
	 * Whether the call only checks ({@code dry_run}); {@code null} for an operation that
	 * has no such member.
	 */
	default Boolean auditDryRun() {
		return null;
	}

}
