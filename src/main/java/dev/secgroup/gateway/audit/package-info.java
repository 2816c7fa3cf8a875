/**
 * One audit event per call of a mirrored endpoint, whatever its outcome, written before
 * the answer is sent; and where events go ({@link dev.secgroup.gateway.audit.AuditSink},
 * stdout JSON by default).
 */
@NullMarked
package dev.secgroup.gateway.audit;

import org.jspecify.annotations.NullMarked;
