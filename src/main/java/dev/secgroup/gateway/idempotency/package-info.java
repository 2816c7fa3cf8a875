/**
 * Safe retries: the {@code Idempotency-Key} header on the mirrored operations. A keyed
 * call is claimed in a store shared by every replica, runs once, and its answer is
 * replayed to every retry with the same key and request; a retry while the first call
 * runs gets 409, a different request under the same key 422. Feature-neutral: the
 * features call {@link dev.secgroup.gateway.idempotency.Idempotency} around their
 * upstream call.
 */
@NullMarked
package dev.secgroup.gateway.idempotency;

import org.jspecify.annotations.NullMarked;
