/**
 * Who may call the gateway: inbound authentication ({@code gateway.security.mode}: none,
 * API keys, JWT) and per-client grants of operations and projects, all enforced by Spring
 * Security.
 */
@NullMarked
package dev.secgroup.gateway.security;

import org.jspecify.annotations.NullMarked;
