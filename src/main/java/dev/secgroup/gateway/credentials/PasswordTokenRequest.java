package dev.secgroup.gateway.credentials;

import java.util.List;

/**
 * Body of IAM "Obtaining a User Token Through Password Authentication"
 * ({@code POST /v3/auth/tokens}), scoped to a project (docs/huawei-cloud.md "IAM
 * tokens"):
 * {@code {"auth":{"identity":{"methods":["password"],"password":{"user":{"name","password","domain":{"name"}}}},"scope":{"project":{"id"}}}}}.
 *
 * @param auth the one member
 */
record PasswordTokenRequest(Auth auth) {

	static PasswordTokenRequest of(String userName, String password, String domainName, String projectId) {
		return new PasswordTokenRequest(new Auth(
				new Identity(List.of("password"), new Password(new User(userName, password, new Domain(domainName)))),
				ProjectScope.of(projectId)));
	}

	@Override
	public String toString() {
		return "PasswordTokenRequest[******]";
	}

	/**
	 * @param identity who asks
	 * @param scope what the token is for
	 */
	record Auth(Identity identity, ProjectScope scope) {
	}

	/**
	 * @param methods {@code ["password"]}
	 * @param password the password method's member
	 */
	record Identity(List<String> methods, Password password) {
	}

	/**
	 * @param user the IAM user
	 */
	record Password(User user) {
	}

	/**
	 * @param name the IAM user name
	 * @param password the IAM user's password
	 * @param domain the account the user belongs to
	 */
	record User(String name, String password, Domain domain) {

		@Override
		public String toString() {
			return "User[name=" + name + ", password=******, domain=" + domain + "]";
		}

	}

	/**
	 * @param name the account (domain) name
	 */
	record Domain(String name) {
	}

}
