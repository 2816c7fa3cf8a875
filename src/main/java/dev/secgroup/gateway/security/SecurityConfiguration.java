package dev.secgroup.gateway.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperations;
import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's one security filter chain: stateless, no sessions, cookies, CSRF tokens,
 * CORS, form or basic login. Callers authenticate as {@code gateway.security.mode} says
 * (API key, JWT, Huawei SDK signature, or several of them, one per request); each
 * mirrored operation is allowed only to a client granted it for the project in the path;
 * the public paths (probes, OpenAPI) are open; everything else needs a known client.
 * Every refusal is problem+json and happens before any controller, so nothing is sent
 * upstream.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** The embedded simulator of the local profile: the gateway calls itself there. */
	private static final String LOCAL_SIMULATOR = "/simulator/**";

	@Bean
	ClientGrants clientGrants(GatewaySecurityProperties properties, MirroredOperations operations) {
		ClientGrants grants = new ClientGrants(properties, operations.names());
		if (!properties.unauthenticated() && grants.isEmpty()) {
			log.warn("gateway.security.clients is empty: every call of a mirrored operation will be refused");
		}
		return grants;
	}

	/**
	 * What the features ask, once a request is validated, about the resources it names.
	 */
	@Bean
	ResourceGrants resourceGrants(ClientGrants grants, GatewaySecurityProperties properties) {
		return new ResourceGrants(grants, !properties.unauthenticated());
	}

	@Bean
	SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewaySecurityProperties properties, ClientGrants grants,
			ProblemWriter problems, Environment environment, Clock clock,
			@Value("${gateway.http.max-body-size:64KB}") DataSize maxBodySize) throws Exception {
		List<SecurityMode> modes = properties.mode();
		// Only an ACTIVE local profile counts: a default profile is no operator's
		// decision.
		boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
		refuseMixedOrMissingModes(modes);
		refuseUnauthenticatedOutsideLocal(properties, local);
		boolean open = properties.unauthenticated();
		if (open) {
			log.warn("gateway.security.mode=none: every caller may use every operation on every project");
		}
		List<String> publicPaths = new ArrayList<>(properties.publicPaths());
		if (local) {
			publicPaths.add(LOCAL_SIMULATOR);
		}
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(modes, problems);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);

		http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.authorizeHttpRequests(rules -> authorize(rules, open, grants, publicPaths))
			.addFilterBefore(new AuditedClientFilter(), AuthorizationFilter.class);
		if (modes.size() > 1) {
			http.addFilterAfter(new SingleCredentialFilter(modes, entryPoint), SecurityContextHolderFilter.class);
		}
		for (SecurityMode mode : modes) {
			switch (mode) {
				case API_KEY ->
					http.addFilterBefore(apiKeyFilter(grants, entryPoint), AnonymousAuthenticationFilter.class);
				case JWT ->
					http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(entryPoint)
						.accessDeniedHandler(accessDenied)
						.jwt(jwt -> jwt.decoder(JwtDecoderFactory.create(properties.jwt(), local))
							.jwtAuthenticationConverter(
									new ClientClaimAuthenticationConverter(properties.jwt().clientClaim()))));
				case AKSK -> http
					.addFilterBefore(new AkSkAuthenticationFilter(new SdkHmacSha256Verifier(grants::secretKeyOf, clock),
							grants, entryPoint, problems, maxBodySize.toBytes()), AnonymousAuthenticationFilter.class);
				case NONE -> {
					// No authentication: the rules below allow everything.
				}
			}
		}
		return http.build();
	}

	/**
	 * No observation (span and timer) per security filter, authentication and
	 * authorization: on a thin gateway they cost more CPU than the whole upstream hop,
	 * and http.server.requests with the outcome already tells how calls end (401/403
	 * included).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problems) {
		return new ProblemRequestRejectedHandler(problems);
	}

	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
			boolean open, ClientGrants grants, List<String> publicPaths) {
		// Authorized on the REQUEST dispatch; an error dispatch belongs to that same,
		// already authorized call.
		rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		// Which operation a request calls was decided once, by the call context.
		var mirroredCall = rules.requestMatchers(request -> CallContext.of(request).isMirroredCall());
		if (open) {
			mirroredCall.permitAll();
		}
		else {
			mirroredCall.access(new GrantAuthorizationManager(grants));
		}
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		publicPaths.forEach(path -> rules.requestMatchers(paths.matcher(path)).permitAll());
		if (open) {
			rules.anyRequest().permitAll();
		}
		else {
			rules.anyRequest().authenticated();
		}
	}

	private static AuthenticationFilter apiKeyFilter(ClientGrants grants, ProblemAuthenticationEntryPoint entryPoint) {
		AuthenticationFilter filter = new AuthenticationFilter(
				new ProviderManager(new ApiKeyAuthenticationProvider(grants)), request -> {
					String key = request.getHeader(ApiKeyAuthentication.HEADER);
					return key == null ? null : ApiKeyAuthentication.presented(key);
				});
		// On success the call simply goes on (the default would redirect, as after a
		// login form).
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		return filter;
	}

	private static void refuseMixedOrMissingModes(List<SecurityMode> modes) {
		if (modes.isEmpty()) {
			throw new InvalidSecurityConfigurationException("gateway.security.mode is empty",
					"Set gateway.security.mode to api-key, jwt or aksk, or several of them comma-separated "
							+ "(api-key,aksk).");
		}
		if (modes.contains(SecurityMode.NONE) && modes.size() > 1) {
			throw new InvalidSecurityConfigurationException(
					"gateway.security.mode combines 'none' with other modes: "
							+ modes.stream().map(SecurityMode::propertyValue).toList(),
					"Use 'none' alone (no authentication), or list only api-key, jwt and aksk.");
		}
	}

	private static void refuseUnauthenticatedOutsideLocal(GatewaySecurityProperties properties, boolean local) {
		if (properties.unauthenticated() && !local && !properties.allowUnauthenticatedOutsideLocal()) {
			throw new InvalidSecurityConfigurationException(
					"gateway.security.mode is 'none' (no authentication) but the 'local' profile is not active: "
							+ "anyone could use the gateway's cloud credentials",
					"Set gateway.security.mode to api-key, jwt or aksk and configure gateway.security.clients. Only if an "
							+ "unauthenticated gateway is really intended (tests), also set "
							+ "gateway.security.allow-unauthenticated-outside-local=true.");
		}
	}

}
