package dev.secgroup.gateway.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit trail behaves.
 *
 * @param failClosed when the audit sink cannot record a call, answer it with 500
 * problem+json instead of its real answer (default {@code true}: no call is answered
 * unrecorded); {@code false} sends the real answer and only logs the failure
 */
@ConfigurationProperties("gateway.audit")
record AuditProperties(@DefaultValue("true") boolean failClosed) {
}
