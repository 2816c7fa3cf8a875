package dev.secgroup.gateway.credentials;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import dev.secgroup.gateway.signing.SdkHmacSha256Signer;
import dev.secgroup.gateway.upstream.UpstreamAuthenticator;

import org.springframework.http.HttpHeaders;

/**
 * {@code aksk} mode: signs every attempt with {@code SDK-HMAC-SHA256} over exactly what
 * is sent, the method, path, decoded query, {@code Host}, {@code X-Sdk-Date},
 * {@code X-Project-Id} (the project of the path) and, for temporary credentials,
 * {@code X-Security-Token}, and the body bytes.
 * <p>
 * Only headers the HTTP client leaves alone are signed: not {@code User-Agent},
 * {@code Accept-Encoding}, {@code Content-Length}, {@code Connection} nor
 * {@code Content-Type}. The {@code Host} header is set explicitly to the value signed, so
 * that what reactor-netty would derive on its own cannot differ from it.
 * <p>
 * An upstream 401 is never retried: Huawei locks an access key after five failed
 * signatures in a row, and a fresh signature with the same key would fail the same way.
 */
final class AkSkAuthenticator implements UpstreamAuthenticator {

	static final String X_SDK_DATE = "X-Sdk-Date";

	static final String X_PROJECT_ID = "X-Project-Id";

	static final String X_SECURITY_TOKEN = "X-Security-Token";

	private final SdkHmacSha256Signer signer = new SdkHmacSha256Signer();

	private final String accessKey;

	private final String secretKey;

	private final String securityToken;

	private final Clock clock;

	private final CredentialsMetrics metrics;

	/**
	 * @param securityToken for temporary credentials, else {@code null}
	 */
	AkSkAuthenticator(String accessKey, String secretKey, String securityToken, Clock clock,
			CredentialsMetrics metrics) {
		this.accessKey = accessKey;
		this.secretKey = secretKey;
		this.securityToken = securityToken;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	public Mono<HttpHeaders> authenticate(OutgoingRequest outgoing) {
		// HMAC over a small request: cheap enough for the event loop, and the date is
		// taken per attempt.
		return Mono.fromSupplier(() -> sign(outgoing));
	}

	HttpHeaders sign(OutgoingRequest outgoing) {
		URI uri = outgoing.uri();
		String host = hostHeader(uri);
		Map<String, String> signedHeaders = new LinkedHashMap<>();
		if (outgoing.request().projectId() != null) {
			signedHeaders.put(X_PROJECT_ID, outgoing.request().projectId());
		}
		if (securityToken != null) {
			signedHeaders.put(X_SECURITY_TOKEN, securityToken);
		}
		var request = new SdkHmacSha256Signer.SigningRequest(outgoing.method().name(), host, uri.getRawPath(),
				outgoing.request().query(), signedHeaders, outgoing.request().body());
		SdkHmacSha256Signer.Signature signature = signer.sign(request, accessKey, secretKey,
				SdkHmacSha256Signer.sdkDate(clock));
		HttpHeaders headers = HttpHeaders.copyOf(outgoing.headers());
		headers.set(HttpHeaders.HOST, host);
		signedHeaders.forEach(headers::set);
		headers.set(X_SDK_DATE, signature.sdkDate());
		headers.set(HttpHeaders.AUTHORIZATION, signature.authorization());
		return headers;
	}

	@Override
	public boolean refreshAfterUnauthorized(OutgoingRequest request, HttpHeaders sent) {
		metrics.rejectedUpstream();
		return false;
	}

	/**
	 * The {@code Host} of a URI as HTTP/1.1 clients send it: {@code host[:port]}, the
	 * port left out when it is the scheme's default (IPv6 literals keep their brackets).
	 */
	static String hostHeader(URI uri) {
		String host = uri.getHost();
		int port = uri.getPort();
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		boolean defaultPort = port == -1 || (port == 80 && "http".equals(scheme))
				|| (port == 443 && "https".equals(scheme));
		return defaultPort ? host : host + ":" + port;
	}

	@Override
	public String toString() {
		return "AkSkAuthenticator[accessKey=" + accessKey + ", secretKey=******, temporary=" + (securityToken != null)
				+ "]";
	}

}
