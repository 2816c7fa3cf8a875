package dev.secgroup.gateway.simulator;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The credentials the simulator accepts, as Huawei Cloud would know them: one AK/SK pair
 * and one IAM user (and identity provider) for its IAM fake. Demo values only, set in
 * {@code application-local.yaml}; they open nothing outside the simulator.
 *
 * @param accessKey the access key whose signatures the fakes accept
 * @param secretKey its secret key, used to recompute signatures
 * @param iam the IAM fake's user, identity provider and token lifetime
 * @param hssLimit the HSS fake's rate limit (Huawei documents 5 calls a minute per API
 * for one IAM user)
 */
@Profile("local")
@Validated
@ConfigurationProperties("gateway.simulator")
record SimulatorProperties(@NotBlank String accessKey, @NotBlank String secretKey, @DefaultValue @Valid Iam iam,
		@DefaultValue @Valid Limit hssLimit) {

	@Override
	public String toString() {
		return "SimulatorProperties[accessKey=" + accessKey + ", secretKey=******, iam=" + iam + ", hssLimit="
				+ hssLimit + "]";
	}

	/**
	 * @param userName the IAM user who may obtain tokens with a password
	 * @param password that user's password
	 * @param domainName the account (domain) the user belongs to
	 * @param idpId the identity provider whose OIDC ID tokens are exchanged
	 * ({@code X-Idp-Id})
	 * @param tokenLifetime how long issued tokens live (24 h at Huawei; shorten to watch
	 * the gateway refresh them)
	 */
	record Iam(@Nullable String userName, @Nullable String password, @Nullable String domainName,
			@Nullable String idpId, @DefaultValue("24h") @NotNull Duration tokenLifetime) {

		@Override
		public String toString() {
			return "Iam[userName=" + userName + ", password=******, domainName=" + domainName + ", idpId=" + idpId
					+ ", tokenLifetime=" + tokenLifetime + "]";
		}

	}

	/**
	 * A rate limit of the fakes, per API and project.
	 *
	 * @param requests calls allowed per window; {@code 0} for no limit
	 * @param per the window
	 */
	record Limit(@DefaultValue("5") @Min(0) int requests, @DefaultValue("1m") @NotNull Duration per) {
	}

}
