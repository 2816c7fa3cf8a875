package dev.secgroup.gateway.call;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * An upstream operation the gateway mirrors, declared once by its feature (a constant,
 * published as a bean) and read by everyone who needs a fact about it: the controller's
 * mapping and the feature's client use its path, security grants its name, audit and
 * metrics name calls by it, the upstream adapter decides retries by its idempotency, and
 * the OpenAPI document names its upstream.
 *
 * @param name IAM-style name, e.g. {@code vpc:AddSecurityGroups}: what a client is
 * granted and what the audit trail names
 * @param method the HTTP method it is called with, on the gateway and upstream alike
 * @param path the path template, on the gateway and upstream alike, with {@code {name}}
 * variables; a variable named {@code project_id} holds the project the call acts on
 * @param upstream the name of the upstream that serves it
 * ({@code gateway.upstreams.<name>})
 * @param idempotent whether upstream may be called again after it may have acted (the
 * retry table of {@code docs/architecture.md}: PUT yes, POST no)
 */
public record MirroredOperation(String name, HttpMethod method, String path, String upstream, boolean idempotent) {

	/** The path variable naming the Huawei project a call acts on. */
	public static final String PROJECT_ID = "project_id";

	public MirroredOperation {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(method, "method must not be null");
		Assert.isTrue(path != null && path.startsWith("/"), "path must start with '/'");
		Assert.hasText(upstream, "upstream must not be empty");
	}

	/** An idempotent PUT of {@code upstream}. */
	public static MirroredOperation put(String name, String path, String upstream) {
		return new MirroredOperation(name, HttpMethod.PUT, path, upstream, true);
	}

	/** A POST of {@code upstream}: not idempotent. */
	public static MirroredOperation post(String name, String path, String upstream) {
		return new MirroredOperation(name, HttpMethod.POST, path, upstream, false);
	}

}
