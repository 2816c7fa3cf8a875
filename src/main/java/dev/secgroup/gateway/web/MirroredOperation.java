package dev.secgroup.gateway.web;

import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;

/**
 * An upstream operation the gateway mirrors, as a feature declares it (one bean per
 * operation). Security grants clients these names and audit writes one event per call of
 * them, both without knowing the features.
 *
 * @param name IAM-style name, e.g. {@code vpc:AddSecurityGroups}: what a client is
 * granted and what the audit trail names
 * @param method the HTTP method it is called with
 * @param path the path pattern of its mapping, with {@code {name}} variables; a variable
 * named {@code project_id} holds the project the call acts on
 */
public record MirroredOperation(String name, HttpMethod method, String path) {

	/** The path variable naming the Huawei project a call acts on. */
	public static final String PROJECT_ID = "project_id";

	public MirroredOperation {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(method, "method must not be null");
		Assert.isTrue(path != null && path.startsWith("/"), "path must start with '/'");
	}

}
