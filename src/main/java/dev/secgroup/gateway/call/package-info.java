/**
 * One call, one story: the {@link dev.secgroup.gateway.call.CallContext} of a request,
 * the {@link dev.secgroup.gateway.call.MirroredOperation} declarations it is matched
 * against (once, by {@link dev.secgroup.gateway.call.CallContextFilter}) and the order of
 * the servlet filters ({@link dev.secgroup.gateway.call.FilterOrder}). Shared plumbing:
 * it imports no other gateway package.
 */
@NullMarked
package dev.secgroup.gateway.call;

import org.jspecify.annotations.NullMarked;
