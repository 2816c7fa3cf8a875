package dev.secgroup.gateway.web;

/**
 * One invalid input.
 *
 * @param field where it is, in the caller's terms: a JSON path such as
 * {@code security_groups[0].security_group_id}, or a path/query parameter name such as
 * {@code port_id}
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {
}
