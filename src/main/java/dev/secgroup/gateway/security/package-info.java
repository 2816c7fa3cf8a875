/**
 * Who may call the gateway: inbound authentication ({@code gateway.security.mode}: none,
 * API keys, JWT) and per-client grants of operations and projects, all enforced by Spring
 * Security.
 */
package dev.secgroup.gateway.security;
