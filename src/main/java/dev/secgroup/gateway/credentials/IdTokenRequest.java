package dev.secgroup.gateway.credentials;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of IAM "Obtaining a Token with an OpenID Connect ID Token"
 * ({@code POST /v3.0/OS-AUTH/id-token/tokens}, header {@code X-Idp-Id}), scoped to a
 * project (docs/huawei-cloud.md "IAM tokens"):
 * {@code {"auth":{"id_token":{"id":JWT},"scope":{"project":{"id"}}}}}.
 *
 * @param auth the one member
 */
record IdTokenRequest(Auth auth) {

	static IdTokenRequest of(String idToken, String projectId) {
		return new IdTokenRequest(new Auth(new IdToken(idToken), ProjectScope.of(projectId)));
	}

	@Override
	public String toString() {
		return "IdTokenRequest[******]";
	}

	/**
	 * @param idToken the ID token
	 * @param scope what the token is for
	 */
	record Auth(@JsonProperty("id_token") IdToken idToken, ProjectScope scope) {
	}

	/**
	 * @param id the ID token (a JWT)
	 */
	record IdToken(String id) {

		@Override
		public String toString() {
			return "IdToken[******]";
		}

	}

}
