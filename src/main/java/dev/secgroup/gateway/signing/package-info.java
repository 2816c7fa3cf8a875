/**
 * Huawei's {@code SDK-HMAC-SHA256} request signature, read once and pinned by the
 * official SDK's test vectors: the signer {@code credentials} uses upstream, and the
 * verifier that {@code security} (inbound callers using the Huawei SDK) and the
 * {@code simulator} (a fake of Huawei's API gateway) share. Plain Java: it knows no other
 * gateway package, no Spring and no servlet.
 */
@NullMarked
package dev.secgroup.gateway.signing;

import org.jspecify.annotations.NullMarked;
