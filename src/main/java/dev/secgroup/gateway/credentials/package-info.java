/**
 * How the gateway proves itself to Huawei Cloud on every upstream call, in one place:
 * AK/SK signing ({@code SDK-HMAC-SHA256}), project-scoped IAM tokens (password or OIDC ID
 * token, cached per project, single-flight, refreshed ahead of expiry) or the caller's
 * own token. Plugs into {@code upstream} through
 * {@link dev.secgroup.gateway.upstream.UpstreamAuthenticator}; knows no feature and
 * nothing of the web layer.
 */
@NullMarked
package dev.secgroup.gateway.credentials;

import org.jspecify.annotations.NullMarked;
