package dev.secgroup.gateway.security;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inbound authentication and per-client authorization. The property names are a public
 * contract (docs/security.md, docs/configuration.md). Checked at start-up by
 * {@link ClientGrants} and {@link SecurityConfiguration}: a wrong value stops the start
 * with a message naming the property.
 *
 * @param mode how callers authenticate: {@code none}, or one or several of
 * {@code api-key}, {@code jwt} and {@code aksk}, comma-separated ({@code api-key,aksk});
 * with several, a request is authenticated by whichever credential it carries, and one
 * carrying two kinds (or none) is refused. {@code none} stands alone and is refused
 * outside the {@code local} profile unless {@code allow-unauthenticated-outside-local} is
 * set
 * @param allowUnauthenticatedOutsideLocal lets {@code mode=none} start outside the
 * {@code local} profile: every caller may then use every operation on every project with
 * the gateway's cloud credentials; meant for tests only
 * @param clients who may call, with which key, for which projects and operations
 * @param publicPaths path patterns reachable without authentication (health probes,
 * OpenAPI document, Swagger UI); everything else needs a known client
 * @param jwt validation of bearer tokens in {@code jwt} mode
 * @param management the credential of the management port's protected endpoints
 */
@ConfigurationProperties("gateway.security")
record GatewaySecurityProperties(@DefaultValue("api-key") List<SecurityMode> mode,
		@DefaultValue("false") boolean allowUnauthenticatedOutsideLocal, List<Client> clients, @DefaultValue( {
				"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
				"/swagger-ui.html", "/swagger-ui/**" }) List<String> publicPaths,
		@DefaultValue Jwt jwt, @DefaultValue Management management){

	GatewaySecurityProperties {
		mode = mode == null ? List.of() : List.copyOf(new LinkedHashSet<>(mode));
		clients = clients == null ? List.of() : List.copyOf(clients);
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
	}

	/** Whether callers may authenticate this way. */
	boolean accepts(SecurityMode candidate) {
		return mode.contains(candidate);
	}

	/** Whether nobody is asked for credentials ({@code mode=none}). */
	boolean unauthenticated() {
		return mode.contains(SecurityMode.NONE);
	}

	/**
	 * One client and its grant.
	 *
	 * @param name the client's name, as audit events record it; in {@code jwt} mode
	 * matched against the token's client claim (for a Kubernetes service account:
	 * {@code system:serviceaccount:<namespace>:<name>})
	 * @param apiKeySha256 in {@code api-key} mode: the SHA-256 of the client's key, 64
	 * hex characters ({@code printf %s "$KEY" | sha256sum}); never the key itself.
	 * Optional in {@code jwt} mode, and in {@code api-key,aksk} when the client has an
	 * access key
	 * @param accessKey in {@code aksk} mode: the access key (AK) the gateway issued to
	 * this client, 8 to 128 letters, digits, {@code -} or {@code _}, unique among the
	 * clients; the client's SDK sends it in clear ({@code BasicCredentials.withAk}). Not
	 * a cloud credential: it only opens the gateway, under this client's grant
	 * @param secretKey in {@code aksk} mode: the secret key (SK) paired with
	 * {@code access-key}, at least 32 characters; supply it as an environment variable
	 * ({@code GATEWAY_SECURITY_CLIENTS_0_SECRET_KEY}) or a mounted file
	 * ({@code spring.config.import=optional:configtree:/path/}), never in a committed
	 * file. The gateway keeps it in memory to recompute signatures and never logs it
	 * @param projects project ids the client may act on; {@code *} for every project
	 * @param operations operations the client may call: {@code vpc:AddSecurityGroups},
	 * {@code hss:CreateSecurityGroupPolicy}
	 * @param securityGroups security group ids the client may attach (VPC
	 * {@code port.security_groups}, HSS {@code security_groups[].security_group_id}):
	 * ids, or patterns where {@code *} stands for any run of characters; {@code *} (the
	 * default) allows every group
	 * @param clusters HSS cluster ids the client may act on: ids or {@code *}-patterns;
	 * {@code *} (the default) allows every cluster
	 * @param namespaces Kubernetes namespaces (HSS) the client may act on: names or
	 * {@code *}-patterns; {@code *} (the default) allows every namespace
	 * @param rateLimit the client's own rate limit, independent of the upstreams' quotas;
	 * none when unset
	 * @param previousApiKeySha256 while the client's key rotates: the SHA-256 of its
	 * previous key, still accepted beside {@code api-key-sha256} (the new one) until the
	 * client sends the new key everywhere; then remove it. Same rules as
	 * {@code api-key-sha256}
	 */
	record Client(String name, String apiKeySha256, @Nullable String accessKey, @Nullable String secretKey,
			List<String> projects, List<String> operations, @DefaultValue("*") @Nullable List<String> securityGroups,
			@DefaultValue("*") @Nullable List<String> clusters, @DefaultValue("*") @Nullable List<String> namespaces,
			@Nullable RateLimit rateLimit, @Nullable String previousApiKeySha256) {

		/** No restriction: what a grant without a resource list allows. */
		static final String ANY = "*";

		/** A client without a key in rotation. */
		Client(String name, String apiKeySha256, @Nullable String accessKey, @Nullable String secretKey,
				List<String> projects, List<String> operations, @Nullable List<String> securityGroups,
				@Nullable List<String> clusters, @Nullable List<String> namespaces, @Nullable RateLimit rateLimit) {
			this(name, apiKeySha256, accessKey, secretKey, projects, operations, securityGroups, clusters, namespaces,
					rateLimit, null);
		}

		@ConstructorBinding
		Client {
			projects = projects == null ? List.of() : List.copyOf(projects);
			operations = operations == null ? List.of() : List.copyOf(operations);
			securityGroups = securityGroups == null ? List.of(ANY) : List.copyOf(securityGroups);
			clusters = clusters == null ? List.of(ANY) : List.copyOf(clusters);
			namespaces = namespaces == null ? List.of(ANY) : List.copyOf(namespaces);
		}

		@Override
		public String toString() {
			// No key hash, no secret key: configuration objects end up in logs and
			// failure reports.
			return "Client[name=" + name + ", accessKey=" + accessKey + ", secretKey="
					+ (secretKey == null ? null : "******") + ", projects=" + projects + ", operations=" + operations
					+ ", securityGroups=" + securityGroups + ", clusters=" + clusters + ", namespaces=" + namespaces
					+ ", rateLimit=" + rateLimit + "]";
		}

	}

	/**
	 * A client's own rate limit: calls beyond it are answered 429 {@code GW.0429} at
	 * once, before anything is sent upstream.
	 *
	 * @param requests calls allowed in any window of {@code per}
	 * @param per the window
	 */
	record RateLimit(int requests, @DefaultValue("1m") Duration per) {
	}

	/**
	 * The operator's credential on the management port: health and Prometheus are public,
	 * every other actuator endpoint (metrics, info, circuit breakers, retries) and the
	 * health details need it. Distinct from every client's key; a bearer token never
	 * counts.
	 *
	 * @param apiKeySha256 SHA-256 (64 hex characters) of the management key, sent in the
	 * {@code X-Management-Key} header; without it those endpoints are closed (except in
	 * {@code none} mode)
	 */
	record Management(String apiKeySha256) {

		@Override
		public String toString() {
			return "Management[apiKeySha256=" + (apiKeySha256 == null ? "none" : "******") + "]";
		}

	}

	/**
	 * Bearer token (JWT) validation: signature from the issuer's keys, expiry (a token
	 * without {@code exp} is refused), issuer, audience.
	 *
	 * @param issuerUri the issuer ({@code iss}) tokens must carry; without
	 * {@code jwk-set-uri} its keys are found through OpenID discovery
	 * ({@code <issuer>/.well-known/openid-configuration}), on the first token; a failed
	 * discovery is retried at most every 30 seconds. For Kubernetes service-account
	 * tokens: the cluster's service account issuer. {@code https} outside the
	 * {@code local} profile
	 * @param jwkSetUri where the issuer's public keys (JWK set) are fetched from; takes
	 * precedence over discovery; {@code https} outside the {@code local} profile
	 * @param audiences accepted audiences: a token must name at least one of them in
	 * {@code aud}; required in {@code jwt} mode, so that a token made for another service
	 * is refused
	 * @param clientClaim the claim holding the client's name, matched against
	 * {@code clients[i].name}
	 * @param jwsAlgorithms accepted signature algorithms
	 * @param issuer the {@code iss} tokens must carry when only {@code jwk-set-uri} is
	 * set (so that another issuer sharing the keys is refused); defaults to
	 * {@code issuer-uri}
	 * @param allowHttp accept {@code http://} issuer and JWK set URLs outside the
	 * {@code local} profile; only for tests against a local stub
	 */
	record Jwt(String issuerUri, String jwkSetUri, List<String> audiences, @DefaultValue("sub") String clientClaim,
			@DefaultValue("RS256") List<String> jwsAlgorithms, String issuer,
			@DefaultValue("false") boolean allowHttp) {

		Jwt {
			audiences = audiences == null ? List.of() : List.copyOf(audiences);
			jwsAlgorithms = jwsAlgorithms == null ? List.of() : List.copyOf(jwsAlgorithms);
		}

		/** The issuer tokens must name: {@code issuer}, else {@code issuer-uri}. */
		String requiredIssuer() {
			return issuer != null && !issuer.isBlank() ? issuer : issuerUri;
		}

	}

}
