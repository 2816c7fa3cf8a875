package dev.secgroup.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which peers may tell the gateway who the caller is (docs/security.md). Empty by default
 * in every profile: the audit's {@code source_address} is then always the TCP peer, and
 * {@code X-Forwarded-For} is ignored, so a caller cannot put another address into the
 * audit trail.
 *
 * @param trustedProxies CIDRs (e.g. {@code 10.0.12.0/24}) or addresses of the proxies in
 * front of the gateway (an ingress controller); only when the TCP peer is one of them is
 * {@code X-Forwarded-For} read, right to left, skipping further trusted proxies
 */
@ConfigurationProperties("gateway.security")
record TrustedProxiesProperties(List<String> trustedProxies) {

	TrustedProxiesProperties {
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
	}

}
