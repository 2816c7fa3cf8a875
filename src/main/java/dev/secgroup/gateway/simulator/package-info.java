/**
 * The embedded fake of Huawei Cloud (VPC v3 ports, HSS v5 security group policies, IAM
 * tokens) that the {@code local} profile points the gateway's upstreams at, served by
 * this same application under {@code /simulator/}. Exists only in the {@code local}
 * profile. It imports no other gateway package but {@code credentials}' signature
 * verifier (the one reading of SDK-HMAC-SHA256, pinned by the test vectors), so what it
 * accepts is its own reading of the upstream documents: an independent oracle, not a copy
 * of the gateway's request records. A test keeps the two readings in agreement on the
 * gateway's validation matrix: what the gateway refuses by a rule of the document the
 * simulator refuses too, and what the gateway forwards the simulator takes
 * ({@code SimulatorAgreesWithGatewayTest}). The gateway's own stricter bounds are its
 * alone.
 */
@NullMarked
package dev.secgroup.gateway.simulator;

import org.jspecify.annotations.NullMarked;
