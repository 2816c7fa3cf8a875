/**
 * Upstream quotas shared by every replica (waiting in line, not bouncing), the pause
 * after upstream's own 429, and per-client rate limits. Plugs into
 * {@link dev.secgroup.gateway.upstream.UpstreamQuota}; keeps its state in the
 * shared-state store. Shared plumbing: it knows no feature.
 */
@NullMarked
package dev.secgroup.gateway.quota;

import org.jspecify.annotations.NullMarked;
