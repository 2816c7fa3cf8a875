package dev.secgroup.gateway.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.secgroup.gateway.call.CallContext;
import dev.secgroup.gateway.call.MirroredOperations;
import dev.secgroup.gateway.web.ProblemWriter;

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
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The gateway's one security filter chain: stateless, no sessions, cookies, CSRF tokens,
 * CORS, form or basic login. Callers authenticate as {@code gateway.security.mode} says;
 * each mirrored operation is allowed only to a client granted it for the project in the
 * path; the public paths (probes, OpenAPI) are open; everything else needs a known
 * client. Every refusal is problem+json and happens before any controller, so nothing is
 * sent upstream.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/** The embedded simulator of the local profile: the gateway calls itself there. */
	private static final String LOCAL_SIMULATOR = "/simulator/**";

	@Bean
	ClientGrants clientGrants(GatewaySecurityProperties properties, MirroredOperations operations) {
		ClientGrants grants = new ClientGrants(properties, operations.names());
		if (properties.mode() != SecurityMode.NONE && grants.isEmpty()) {
			log.warn("gateway.security.clients is empty: every call of a mirrored operation will be refused");
		}
		return grants;
	}

	/**
	 * What the features ask, once a request is validated, about the resources it names.
	 */
	@Bean
	ResourceGrants resourceGrants(ClientGrants grants, GatewaySecurityProperties properties) {
		return new ResourceGrants(grants, properties.mode());
	}

	@Bean
	SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewaySecurityProperties properties, ClientGrants grants,
			ProblemWriter problems, Environment environment) throws Exception {
		SecurityMode mode = properties.mode();
		// Only an ACTIVE local profile counts: a default profile is no operator's
		// decision.
		boolean local = Arrays.asList(environment.getActiveProfiles()).contains("local");
		refuseUnauthenticatedOutsideLocal(properties, local);
		if (mode == SecurityMode.NONE) {
			log.warn("gateway.security.mode=none: every caller may use every operation on every project");
		}
		List<String> publicPaths = new ArrayList<>(properties.publicPaths());
		if (local) {
			publicPaths.add(LOCAL_SIMULATOR);
		}
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(mode, problems);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);

		http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.authorizeHttpRequests(rules -> authorize(rules, mode, grants, publicPaths))
			.addFilterBefore(new AuditedClientFilter(), AuthorizationFilter.class);
		switch (mode) {
			case API_KEY -> http.addFilterBefore(apiKeyFilter(grants, entryPoint), AnonymousAuthenticationFilter.class);
			case JWT -> http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.jwt(jwt -> jwt.decoder(JwtDecoderFactory.create(properties.jwt(), local))
					.jwtAuthenticationConverter(
							new ClientClaimAuthenticationConverter(properties.jwt().clientClaim()))));
			case NONE -> {
				// No authentication: the rules below allow everything.
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
			SecurityMode mode, ClientGrants grants, List<String> publicPaths) {
		// Authorized on the REQUEST dispatch; an error dispatch belongs to that same,
		// already authorized call.
		rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		// Which operation a request calls was decided once, by the call context.
		var mirroredCall = rules.requestMatchers(request -> CallContext.of(request).isMirroredCall());
		if (mode == SecurityMode.NONE) {
			mirroredCall.permitAll();
		}
		else {
			mirroredCall.access(new GrantAuthorizationManager(grants));
		}
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		publicPaths.forEach(path -> rules.requestMatchers(paths.matcher(path)).permitAll());
		if (mode == SecurityMode.NONE) {
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

	private static void refuseUnauthenticatedOutsideLocal(GatewaySecurityProperties properties, boolean local) {
		if (properties.mode() == SecurityMode.NONE && !local && !properties.allowUnauthenticatedOutsideLocal()) {
			throw new InvalidSecurityConfigurationException(
					"gateway.security.mode is 'none' (no authentication) but the 'local' profile is not active: "
							+ "anyone could use the gateway's cloud credentials",
					"Set gateway.security.mode to api-key or jwt and configure gateway.security.clients. Only if an "
							+ "unauthenticated gateway is really intended (tests), also set "
							+ "gateway.security.allow-unauthenticated-outside-local=true.");
		}
	}

}
