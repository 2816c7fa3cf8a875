package dev.secgroup.gateway.security;

import jakarta.servlet.DispatcherType;

import dev.secgroup.gateway.web.ErrorCodes;
import dev.secgroup.gateway.web.ProblemWriter;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The management port's own filter chain (review A12): health and Prometheus stay public
 * for probes and the scraper; every other actuator endpoint needs the management key
 * ({@link ManagementKeyFilter}), never a client's API key or any JWT. Health details are
 * shown to the same credential only ({@code show-details: when-authorized}).
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain managementSecurity(HttpSecurity http, GatewaySecurityProperties properties,
			ProblemWriter problems) throws Exception {
		ManagementKeyFilter keys = ManagementKeyFilter.of(properties.mode(), properties.management(), problems);
		http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, failure) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\""
						+ ProblemAuthenticationEntryPoint.REALM + "\", header=\"" + ManagementKeyFilter.HEADER + "\"");
				problems.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
						"This management endpoint needs the management key in the " + ManagementKeyFilter.HEADER
								+ " header.");
			})
				.accessDeniedHandler(
						(request, response, denied) -> problems.write(request, response, HttpStatus.FORBIDDEN,
								ErrorCodes.FORBIDDEN, "This management endpoint needs the management key.")))
			.authorizeHttpRequests(rules -> rules.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(EndpointRequest.to("health", "prometheus"))
				.permitAll()
				.anyRequest()
				.hasRole(ManagementKeyFilter.ROLE))
			.addFilterBefore(keys, AnonymousAuthenticationFilter.class);
		return http.build();
	}

}
