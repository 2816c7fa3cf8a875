package dev.secgroup.gateway.credentials;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import dev.secgroup.gateway.upstream.RegionProperties;
import dev.secgroup.gateway.upstream.UpstreamAuthenticator;
import dev.secgroup.gateway.upstream.UpstreamClientFactory;
import dev.secgroup.gateway.upstream.UpstreamProperties;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link UpstreamAuthenticator} of the configured
 * {@code gateway.credentials.mode}, checked at start-up. The token modes reach IAM
 * through the unauthenticated IAM adapter, so the bean graph has no cycle: factory, then
 * authenticator, then the features' clients.
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CredentialsConfiguration.class);

	@Bean
	UpstreamAuthenticator upstreamAuthenticator(CredentialsProperties credentials, UpstreamProperties upstreams,
			RegionProperties regions, UpstreamClientFactory clients, ObjectMapper json, Clock clock,
			ObjectProvider<MeterRegistry> meters, IamLoginLimits limits) {
		CredentialsValidation.check(credentials, upstreams);
		CredentialsMode mode = credentials.mode();
		CredentialsMetrics metrics = new CredentialsMetrics(meters.getIfAvailable(SimpleMeterRegistry::new), mode);
		log.info("Upstream credentials: mode {}", mode.tag());
		return switch (mode) {
			case AKSK -> new AkSkAuthenticator(credentials.accessKey(), credentials.secretKey(),
					blankToNull(credentials.securityToken()), clock, metrics);
			case PASSWORD ->
				tokens(new PasswordTokenSource(iam(credentials, clients, json, clock), credentials.userName(),
						credentials.password(), credentials.domainName()), regions, clock, metrics, limits);
			case OIDC -> tokens(new OidcTokenSource(iam(credentials, clients, json, clock), credentials.idpId(),
					credentials.idTokenFile()), regions, clock, metrics, limits);
			case PASSTHROUGH -> new PassthroughAuthenticator(metrics);
		};
	}

	/**
	 * Keeps secrets out of {@code /actuator/env} and {@code /actuator/configprops} even
	 * where an operator sets {@code show-values} to {@code always} or
	 * {@code when-authorized}: credential-like keys ({@code secret-key},
	 * {@code password}, {@code security-token}, environment variable and configtree forms
	 * alike) and the JVM command line, which may carry {@code --gateway.credentials.*}.
	 */
	@Bean
	SanitizingFunction credentialsSanitizer() {
		return SanitizingFunction.sanitizeValue()
			.ifLikelyCredential()
			.ifKeyMatches(key -> key.toLowerCase(java.util.Locale.ROOT)
				.replaceAll("[^a-z0-9]", "")
				.matches(".*(secretkey|password|securitytoken|token|secret)$"))
			.ifKeyEquals("sun.java.command")
			.ifKeyContains("spring.application.json", "SPRING_APPLICATION_JSON");
	}

	@Bean
	@ConditionalOnProperty(name = "gateway.credentials.mode", havingValue = "passthrough")
	OpenApiCustomizer passthroughOpenApiCustomizer() {
		return new PassthroughOpenApiCustomizer();
	}

	/**
	 * Readiness contributor {@code credentials} (listed in the readiness group): whether
	 * the gateway can prove itself upstream without asking anyone (IAM's health is
	 * IAM's).
	 */
	@Bean
	CredentialsHealthIndicator credentialsHealthIndicator(CredentialsProperties credentials) {
		return new CredentialsHealthIndicator(credentials);
	}

	private static IamTokenAuthenticator tokens(IamTokenSource source, RegionProperties regions, Clock clock,
			CredentialsMetrics metrics, IamLoginLimits limits) {
		IamTokenCache cache = new IamTokenCache(source, clock, metrics, limits);
		metrics.tokenExpiry(cache, regions.projects().keySet(), clock);
		return new IamTokenAuthenticator(cache, metrics);
	}

	private static IamTokenClient iam(CredentialsProperties credentials, UpstreamClientFactory clients,
			ObjectMapper json, Clock clock) {
		return new IamTokenClient(clients.unauthenticated("iam"), json, clock, credentials.tokenRefreshMargin());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
