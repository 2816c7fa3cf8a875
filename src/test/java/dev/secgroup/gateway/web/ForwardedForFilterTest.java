package dev.secgroup.gateway.web;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code X-Forwarded-For} counts only when the TCP peer is a configured trusted proxy,
 * and then only up to the first address that is not one.
 */
class ForwardedForFilterTest {

	private final ForwardedForFilter filter = new ForwardedForFilter(
			new TrustedProxiesProperties(List.of("10.0.12.0/24", "fd00::/8")));

	@Test
	void anUntrustedPeerIsTheSourceWhateverItForwards() {
		assertThat(client("10.0.7.23", "203.0.113.9")).isNull();
		assertThat(client("127.0.0.1", "203.0.113.9")).isNull();
	}

	@Test
	void aTrustedProxyNamesTheFirstUntrustedHopFromTheRight() {
		assertThat(client("10.0.12.5", "203.0.113.9")).isEqualTo("203.0.113.9");
		// The left-most value is the caller's own claim: only the hop the proxy saw
		// counts.
		assertThat(client("10.0.12.5", "198.51.100.1, 203.0.113.9, 10.0.12.7")).isEqualTo("203.0.113.9");
		assertThat(client("fd00::1", "2001:db8::5")).isEqualTo("2001:db8::5");
	}

	@Test
	void namesAndGarbageAreNeverLookedUpNorTrusted() {
		assertThat(client("10.0.12.5", "evil.example")).isNull();
		assertThat(client("10.0.12.5", "203.0.113.9, x")).isNull();
	}

	@Test
	void aTrustedProxyThatIsNotACidrStopsTheStart() {
		assertThatThrownBy(() -> new ForwardedForFilter(new TrustedProxiesProperties(List.of("ingress.local"))))
			.hasMessageContaining("gateway.security.trusted-proxies")
			.hasMessageContaining("ingress.local");
	}

	@Test
	void withoutTrustedProxiesTheFilterDoesNothing() {
		ForwardedForFilter none = new ForwardedForFilter(new TrustedProxiesProperties(null));
		assertThat(none.shouldNotFilter(new org.springframework.mock.web.MockHttpServletRequest())).isTrue();
	}

	private String client(String peer, String header) {
		return filter.clientOf(peer, Collections.enumeration(List.of(header)));
	}

}
