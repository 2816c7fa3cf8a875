/**
 * The resilient adapter every upstream call goes through: endpoint per region, one
 * authenticator seam, retries by idempotency, circuit breaker, timeouts and a deadline,
 * and upstream errors decoded into one sealed exception family. Knows no feature and
 * nothing of how the gateway proves itself ({@code credentials} plugs in through
 * {@link dev.secgroup.gateway.upstream.UpstreamAuthenticator}).
 */
@NullMarked
package dev.secgroup.gateway.upstream;

import org.jspecify.annotations.NullMarked;
