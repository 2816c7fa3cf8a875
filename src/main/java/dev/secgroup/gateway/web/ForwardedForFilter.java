package dev.secgroup.gateway.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.secgroup.gateway.call.FilterOrder;

import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The caller's address as the gateway records it ({@code getRemoteAddr()}, read by the
 * audit and the access log): the TCP peer, unless that peer is one of
 * {@code gateway.security.trusted-proxies}; then the right-most address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy. Spring Boot's own
 * forwarded-header handling is off ({@code server.forward-headers-strategy: none}),
 * because on Kubernetes it would trust every private address, i.e. every pod.
 */
@Component
@Order(FilterOrder.FORWARDED_FOR)
class ForwardedForFilter extends OncePerRequestFilter {

	private static final String HEADER = "X-Forwarded-For";

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");

	private final List<IpAddressMatcher> proxies;

	ForwardedForFilter(TrustedProxiesProperties properties) {
		this.proxies = properties.trustedProxies().stream().map(ForwardedForFilter::matcher).toList();
	}

	private static IpAddressMatcher matcher(String cidr) {
		String value = cidr == null ? "" : cidr.trim();
		String address = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
		if (!isAddress(address)) {
			throw new IllegalStateException("gateway.security.trusted-proxies: '" + value
					+ "' is not an IP address or CIDR (e.g. 10.0.12.0/24); host names are not accepted");
		}
		try {
			return new IpAddressMatcher(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("gateway.security.trusted-proxies: '" + value
					+ "' is not an IP address or CIDR: " + ex.getMessage());
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return proxies.isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = clientOf(request.getRemoteAddr(), request.getHeaders(HEADER));
		chain.doFilter(client == null ? request : new HttpServletRequestWrapper(request) {
			@Override
			public String getRemoteAddr() {
				return client;
			}

			@Override
			public String getRemoteHost() {
				return client;
			}
		}, response);
	}

	/**
	 * The forwarded client, or {@code null} to keep the peer (not a trusted proxy, or no
	 * usable header).
	 */
	String clientOf(String peer, Enumeration<String> headers) {
		if (!trusted(peer) || headers == null) {
			return null;
		}
		List<String> hops = new ArrayList<>();
		while (headers.hasMoreElements()) {
			for (String hop : headers.nextElement().split(",")) {
				hops.add(hop.trim());
			}
		}
		String client = null;
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (!isAddress(hop)) {
				// Garbage in the chain: trust nothing left of it.
				return client;
			}
			client = hop;
			if (!trusted(hop)) {
				return hop;
			}
		}
		return client;
	}

	private boolean trusted(String address) {
		if (address == null || !isAddress(address)) {
			return false;
		}
		return proxies.stream().anyMatch(proxy -> proxy.matches(address));
	}

	/**
	 * An IPv4 or IPv6 literal only: never a name, so that no header causes a DNS lookup.
	 */
	private static boolean isAddress(String value) {
		return value.length() <= 45 && (IPV4.matcher(value).matches() || IPV6.matcher(value).matches());
	}

}
