package dev.secgroup.gateway.upstream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What upstream endpoints the gateway accepts at start-up (docs/security.md): outside the
 * {@code local} profile every endpoint must be {@code https}, because the gateway sends
 * its IAM password, tokens and replayable signatures there; in {@code local} every
 * endpoint must be on loopback, because that profile runs with demo credentials and no
 * inbound authentication.
 *
 * @param allowHttp accept {@code http://} upstream endpoints outside the {@code local}
 * profile; only for tests against a local stub, never towards Huawei Cloud
 */
@ConfigurationProperties("gateway.upstream-policy")
public record UpstreamPolicyProperties(@DefaultValue("false") boolean allowHttp) {
}
