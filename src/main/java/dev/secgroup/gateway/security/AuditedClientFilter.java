package dev.secgroup.gateway.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.call.CallContext;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records who the caller is in the call's context, once authentication has run and before
 * authorization decides: a refused call (403) is audited and logged with the client that
 * made it.
 */
final class AuditedClientFilter extends OncePerRequestFilter {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (trust.isAuthenticated(caller)) {
			CallContext.of(request).client(caller.getName());
		}
		chain.doFilter(request, response);
	}

}
