/**
 * secgroup-gateway: the REST gateway through which internal services attach security
 * groups in Huawei Cloud, mirroring VPC v3 insert-security-groups and HSS v5
 * create-security-group-policy. Packaged by feature ({@code vpc}, {@code hss}) on shared
 * plumbing ({@code upstream}, {@code credentials}, {@code security}, {@code audit},
 * {@code web}, {@code observability}); {@code simulator} fakes Huawei Cloud for the
 * {@code local} profile. The map is in {@code docs/architecture.md}.
 */
@NullMarked
package dev.secgroup.gateway;

import org.jspecify.annotations.NullMarked;
