/**
 * State shared by every replica of the gateway: the store ({@code memory} for one
 * replica, {@code redis} for several), its key prefix, and the fallback bookkeeping used
 * while Redis cannot be reached. Shared plumbing: features use it, it knows none of them.
 */
@NullMarked
package dev.secgroup.gateway.sharedstate;

import org.jspecify.annotations.NullMarked;
