package dev.secgroup.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netty.util.AsciiString;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;

/**
 * Hands an upstream request's headers to reactor-netty as {@link AsciiString}s, just
 * before the request is written.
 * <p>
 * Netty's HTTP encoder copies an {@code AsciiString} value into the outgoing buffer in
 * one bulk copy, but writes any other {@code CharSequence} (Spring passes
 * {@code String}s) one byte at a time, each a bounds-checked {@code ByteBuffer.put} on
 * JDK 24+ where Netty leaves {@code sun.misc.Unsafe} alone. With the ~5 KB IAM token of
 * every call in the {@code password}, {@code oidc} and {@code passthrough} modes that
 * byte loop was the single largest frame of the gateway's CPU profile (7 % of the
 * samples, docs/performance.md). The values are the same bytes on the wire: a header
 * value is ISO-8859-1 (RFC 9110), which is what {@code String.getBytes} copies here in
 * bulk.
 * <p>
 * The headers move from Spring's view of the request to Netty's, so that Spring does not
 * set them again as strings when it commits the request; {@code Content-Type} stays with
 * Spring, for the body writer. A request that is not reactor-netty's is left as it is.
 */
final class AsciiRequestHeaders {

	private AsciiRequestHeaders() {
	}

	/**
	 * Moves every header of {@code request} but {@code Content-Type} to its reactor-netty
	 * request as ASCII strings. Called from {@code WebClient}'s {@code httpRequest} hook,
	 * before the body is written and the request committed.
	 */
	static void move(ClientHttpRequest request) {
		if (!(request.getNativeRequest() instanceof HttpClientRequest netty)) {
			return;
		}
		HttpHeaders headers = request.getHeaders();
		// Content-Type stays in Spring's view only: the body writer reads it, and Spring
		// sets it on the Netty request when it commits.
		List<String> contentType = headers.remove(HttpHeaders.CONTENT_TYPE);
		copy(headers, netty.requestHeaders());
		headers.clear();
		if (contentType != null) {
			headers.put(HttpHeaders.CONTENT_TYPE, contentType);
		}
	}

	/**
	 * Sets every header of {@code headers} on {@code target}, names and values as ASCII
	 * strings.
	 */
	static void copy(HttpHeaders headers, io.netty.handler.codec.http.HttpHeaders target) {
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			List<String> values = header.getValue();
			AsciiString name = ascii(header.getKey());
			if (values.size() == 1) {
				target.set(name, ascii(values.get(0)));
			}
			else {
				target.set(name, values.stream().map(AsciiRequestHeaders::ascii).toList());
			}
		}
	}

	private static AsciiString ascii(String value) {
		return new AsciiString(value.getBytes(StandardCharsets.ISO_8859_1), false);
	}

}
