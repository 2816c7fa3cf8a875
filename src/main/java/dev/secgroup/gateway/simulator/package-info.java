/**
 * The embedded fake of Huawei Cloud (VPC v3 ports, HSS v5 security group policies, IAM
 * tokens) that the {@code local} profile points the gateway's upstreams at, served by
 * this same application under {@code /simulator/}. Exists only in the {@code local}
 * profile. It imports no other gateway package but {@code signing} (the one reading of
 * SDK-HMAC-SHA256, pinned by the test vectors), so what it accepts is its own reading of
 * the upstream documents.
 */
@NullMarked
package dev.secgroup.gateway.simulator;

import org.jspecify.annotations.NullMarked;
