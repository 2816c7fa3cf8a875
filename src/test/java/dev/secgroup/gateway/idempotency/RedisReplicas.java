package dev.secgroup.gateway.idempotency;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.secgroup.gateway.support.SharedRedisServer;

/**
 * The settings of gateway replicas that share the test Redis under one key prefix, and a
 * plain HTTP client for a replica started by hand.
 */
final class RedisReplicas {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private RedisReplicas() {
	}

	/**
	 * Properties of a replica on the shared Redis. The command timeout is generous: a
	 * loaded test machine must not turn a slow answer into a 503.
	 */
	static Map<String, String> properties(String prefix) {
		SharedRedisServer.Endpoint redis = SharedRedisServer.endpoint();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("gateway.shared-state.store", "redis");
		properties.put("gateway.shared-state.key-prefix", prefix);
		properties.put("spring.data.redis.host", redis.host());
		properties.put("spring.data.redis.port", Integer.toString(redis.port()));
		properties.put("spring.data.redis.timeout", "5s");
		properties.put("spring.data.redis.connect-timeout", "5s");
		return properties;
	}

	static HttpResponse<String> send(int port, String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
