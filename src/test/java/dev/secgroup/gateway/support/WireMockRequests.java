package dev.secgroup.gateway.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.secgroup.gateway.signing.SdkHmacSha256Verifier;

/** What a WireMock upstream received, in the shapes the credentials checks take. */
public final class WireMockRequests {

	private WireMockRequests() {
	}

	/**
	 * The request as a server that verifies signatures sees it: method, Host, raw path,
	 * decoded query, headers, body.
	 */
	public static SdkHmacSha256Verifier.ReceivedRequest received(LoggedRequest request) {
		URI url = URI.create(request.getUrl());
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (HttpHeader header : request.getHeaders().all()) {
			headers.put(header.key(), new ArrayList<>(header.values()));
		}
		return new SdkHmacSha256Verifier.ReceivedRequest(request.getMethod().getName(), request.getHeader("Host"),
				url.getRawPath(), SdkHmacSha256Verifier.decodeQuery(url.getRawQuery()), headers, request.getBody());
	}

}
