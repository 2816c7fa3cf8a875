package dev.secgroup.gateway.credentials;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway proves itself to Huawei Cloud on every upstream call
 * (docs/credentials.md). The names are a public contract (docs/configuration.md). Checked
 * at start-up by {@link CredentialsValidation}: a mode without its secrets, an unreadable
 * ID token file or a bad IAM endpoint stops the start with one message naming the
 * property. Supply the secrets as environment variables or mounted files
 * ({@code spring.config.import=optional:configtree:/path/}), never in a committed file.
 *
 * @param mode {@code aksk}, {@code password}, {@code oidc} or {@code passthrough};
 * required
 * @param accessKey {@code aksk}: the access key (AK), sent in clear in
 * {@code Authorization}
 * @param secretKey {@code aksk}: the secret key (SK); only ever used as the signing key
 * @param securityToken {@code aksk} with temporary credentials: the security token, sent
 * as the signed header {@code X-Security-Token}; leave unset for permanent AK/SK
 * @param userName {@code password}: the IAM user's name
 * @param password {@code password}: the IAM user's password
 * @param domainName {@code password}: the account (domain) the IAM user belongs to
 * @param idpId {@code oidc}: the identity provider configured in IAM, sent as
 * {@code X-Idp-Id}
 * @param idTokenFile {@code oidc}: file holding the OIDC ID token (JWT), e.g. a projected
 * Kubernetes service-account token; read again for every token exchange, since it is
 * rotated
 * @param tokenRefreshMargin {@code password}/{@code oidc}: a cached IAM token is replaced
 * once it has less than this left before {@code expires_at} (at most half its lifetime);
 * until shortly before expiry the old one keeps being used while the new one is fetched,
 * so an IAM outage during the margin does not fail calls
 */
@ConfigurationProperties("gateway.credentials")
record CredentialsProperties(CredentialsMode mode, String accessKey, String secretKey, String securityToken,
		String userName, String password, String domainName, String idpId, Path idTokenFile,
		@DefaultValue("2h") Duration tokenRefreshMargin) {

	@Override
	public String toString() {
		// Configuration objects end up in logs and failure reports: names and presence
		// only.
		return "CredentialsProperties[mode=" + mode + ", accessKey=" + accessKey + ", secretKey=" + masked(secretKey)
				+ ", securityToken=" + masked(securityToken) + ", userName=" + userName + ", password="
				+ masked(password) + ", domainName=" + domainName + ", idpId=" + idpId + ", idTokenFile=" + idTokenFile
				+ ", tokenRefreshMargin=" + tokenRefreshMargin + "]";
	}

	private static String masked(String secret) {
		return secret == null ? null : "******";
	}

}
