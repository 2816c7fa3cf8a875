package dev.secgroup.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientGrantsTest {

	private static final String SECRET = "a-secret-key-of-forty-characters-0123456";

	private static final Set<String> OPERATIONS = Set.of("vpc:AddSecurityGroups", "hss:CreateSecurityGroupPolicy");

	private static final String KEY_A = "key-of-team-a";

	private static final String KEY_B = "key-of-team-b";

	@Test
	void recognisesEachClientsKeyAndNoOther() {
		ClientGrants grants = grants(SecurityMode.API_KEY, client("team-a", hash(KEY_A)),
				client("team-b", hash(KEY_B).toUpperCase(Locale.ROOT)));

		assertThat(grants.clientWithKey(KEY_A)).hasValue("team-a");
		assertThat(grants.clientWithKey(KEY_B)).hasValue("team-b");
		assertThat(grants.clientWithKey("key-of-team-c")).isEmpty();
		assertThat(grants.clientWithKey("")).isEmpty();
		assertThat(grants.clientWithKey(hash(KEY_A))).isEmpty();
	}

	@Test
	void grantsOperationsAndProjects() {
		ClientGrants grants = grants(SecurityMode.API_KEY,
				new GatewaySecurityProperties.Client("a", hash(KEY_A), null, null, List.of("p1"),
						List.of("vpc:AddSecurityGroups"), null, null, null, null),
				new GatewaySecurityProperties.Client("b", hash(KEY_B), null, null, List.of("*"),
						List.copyOf(OPERATIONS), null, null, null, null));

		ClientGrant a = grants.of("a").orElseThrow();
		assertThat(a.permitsOperation("vpc:AddSecurityGroups")).isTrue();
		assertThat(a.permitsOperation("hss:CreateSecurityGroupPolicy")).isFalse();
		assertThat(a.permitsProject("p1")).isTrue();
		assertThat(a.permitsProject("p2")).isFalse();
		assertThat(a.permitsProject(null)).isFalse();
		assertThat(grants.of("b").orElseThrow().permitsProject("anything")).isTrue();
		assertThat(grants.of("nobody")).isEmpty();
		assertThat(grants.of(null)).isEmpty();
	}

	@Test
	void aRotatingClientIsKnownByItsNewAndItsPreviousKeyUntilThePreviousIsRemoved() {
		ClientGrants rotating = grants(SecurityMode.API_KEY,
				new GatewaySecurityProperties.Client("team-a", hash("new-key-of-team-a"), null, null, List.of("*"),
						List.of("vpc:AddSecurityGroups"), null, null, null, null, hash(KEY_A)),
				client("team-b", hash(KEY_B)));

		assertThat(rotating.clientWithKey("new-key-of-team-a")).hasValue("team-a");
		assertThat(rotating.clientWithKey(KEY_A)).hasValue("team-a");
		assertThat(rotating.clientWithKey(KEY_B)).hasValue("team-b");
		ClientGrants rotated = grants(SecurityMode.API_KEY, client("team-a", hash("new-key-of-team-a")));
		assertThat(rotated.clientWithKey(KEY_A)).isEmpty();
	}

	@Test
	void aPreviousKeyFollowsTheRulesOfAKey() {
		assertRefused(
				() -> grants(SecurityMode.API_KEY,
						new GatewaySecurityProperties.Client("team-a", hash(KEY_A), null, null, List.of("*"),
								List.of("vpc:AddSecurityGroups"), null, null, null, null, "plain-old-key")),
				"gateway.security.clients[0].previous-api-key-sha256 must be 64 hexadecimal characters");
		assertRefused(
				() -> grants(SecurityMode.API_KEY, client("team-b", hash(KEY_B)),
						new GatewaySecurityProperties.Client("team-a", hash(KEY_A), null, null, List.of("*"),
								List.of("vpc:AddSecurityGroups"), null, null, null, null, hash(KEY_B))),
				"gateway.security.clients[1].previous-api-key-sha256 is the same as a key hash of client 'team-b'");
	}

	@Test
	void aKeyHashIsRequiredInApiKeyModeOnly() {
		assertRefused(() -> grants(SecurityMode.API_KEY, client("team-a", null)),
				"gateway.security.clients[0].api-key-sha256 must be set in api-key mode");

		assertThat(grants(SecurityMode.JWT, client("team-a", null)).of("team-a")).isPresent();
	}

	@Test
	void aValueThatIsNotASha256IsRefusedWithoutBeingRepeated() {
		String plaintext = "this-is-the-key-itself";

		assertThatThrownBy(() -> grants(SecurityMode.JWT, client("ok", hash(KEY_A)), client("team-a", plaintext)))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageContaining("gateway.security.clients[1].api-key-sha256 must be 64 hexadecimal characters")
			.hasMessageNotContaining(plaintext);
	}

	@Test
	void namesAndKeysMustBeUnique() {
		assertRefused(() -> grants(SecurityMode.API_KEY, client("team-a", hash(KEY_A)), client("team-a", hash(KEY_B))),
				"gateway.security.clients[1].name 'team-a' is used by another client");
		assertRefused(() -> grants(SecurityMode.API_KEY, client("team-a", hash(KEY_A)), client("team-b", hash(KEY_A))),
				"gateway.security.clients[1].api-key-sha256 is the same as a key hash of client 'team-a'");
		assertRefused(() -> grants(SecurityMode.API_KEY, client(" ", hash(KEY_A))),
				"gateway.security.clients[0].name must be set");
	}

	@Test
	void operationsMustBeTheGatewaysOwn() {
		assertRefused(
				() -> grants(SecurityMode.API_KEY,
						new GatewaySecurityProperties.Client("a", hash(KEY_A), null, null, List.of("*"),
								List.of("vpc:AddSecurityGroups", "vpc:DeletePort"), null, null, null, null)),
				"gateway.security.clients[0].operations[1] 'vpc:DeletePort' is not an operation of the gateway");
	}

	@Test
	void projectsMustBeIdsOrTheWildcard() {
		assertRefused(
				() -> grants(SecurityMode.API_KEY,
						new GatewaySecurityProperties.Client("a", hash(KEY_A), null, null, List.of("p1", "p 2"),
								List.of(), null, null, null, null)),
				"gateway.security.clients[0].projects[1] must be '*' or a project id");
	}

	@Test
	void anAccessKeyAndItsSecretKeyAreRequiredInAkskMode() {
		assertRefused(() -> grants(SecurityMode.AKSK, akskClient("team-a", null, null)),
				"gateway.security.clients[0].access-key must be set in aksk mode (client 'team-a')");
		assertRefused(() -> grants(SecurityMode.AKSK, akskClient("team-a", "TEAMAACCESSKEY000001", null)),
				"gateway.security.clients[0].secret-key is missing for client 'team-a'");
		assertRefused(() -> grants(SecurityMode.AKSK, akskClient("team-a", null, SECRET)),
				"gateway.security.clients[0].secret-key is set but gateway.security.clients[0].access-key is not");
	}

	@Test
	void aShortSecretKeyIsRefusedNamingTheClientNeverTheSecret() {
		String shortSecret = "only-31-characters-long-secret!";

		assertThatThrownBy(() -> grants(SecurityMode.AKSK, akskClient("team-a", "TEAMAACCESSKEY000001", shortSecret)))
			.isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessage("gateway.security.clients[0].secret-key of client 'team-a' is too short: at least 32 "
					+ "characters are required")
			.hasMessageNotContaining(shortSecret);
	}

	@Test
	void accessKeysMustBeWellFormedAndUnique() {
		assertRefused(() -> grants(SecurityMode.AKSK, akskClient("team-a", "AK,with=comma", SECRET)),
				"gateway.security.clients[0].access-key must be 8 to 128 letters, digits, '-' or '_'");
		assertRefused(
				() -> grants(SecurityMode.AKSK, akskClient("team-a", "TEAMAACCESSKEY000001", SECRET),
						akskClient("team-b", "TEAMAACCESSKEY000001", SECRET)),
				"gateway.security.clients[1].access-key is the same as the access key of client 'team-a'");
	}

	@Test
	void findsTheClientAndSecretOfAnAccessKey() {
		ClientGrants grants = grants(SecurityMode.AKSK, akskClient("team-a", "TEAMAACCESSKEY000001", SECRET));

		assertThat(grants.clientWithAccessKey("TEAMAACCESSKEY000001")).hasValue("team-a");
		assertThat(grants.secretKeyOf("TEAMAACCESSKEY000001")).hasValue(SECRET);
		assertThat(grants.secretKeyOf("UNKNOWN0000000000000")).isEmpty();
	}

	@Test
	void withApiKeyAndAkskEachClientNeedsOneOfThem() {
		ClientGrants grants = grants(List.of(SecurityMode.API_KEY, SecurityMode.AKSK), client("keyed", hash(KEY_A)),
				akskClient("signing", "TEAMAACCESSKEY000001", SECRET));

		assertThat(grants.clientWithKey(KEY_A)).hasValue("keyed");
		assertThat(grants.clientWithAccessKey("TEAMAACCESSKEY000001")).hasValue("signing");
		assertRefused(() -> grants(List.of(SecurityMode.API_KEY, SecurityMode.AKSK), client("team-a", null)),
				"gateway.security.clients[0] has neither api-key-sha256 nor access-key (client 'team-a')");
	}

	@Test
	void theSecretKeyIsNeverInToString() {
		assertThat(akskClient("team-a", "TEAMAACCESSKEY000001", SECRET).toString()).doesNotContain(SECRET)
			.contains("TEAMAACCESSKEY000001");
	}

	private static GatewaySecurityProperties.Client akskClient(String name, String accessKey, String secretKey) {
		return new GatewaySecurityProperties.Client(name, null, accessKey, secretKey, List.of("*"),
				List.of("vpc:AddSecurityGroups"), null, null, null, null);
	}

	@Test
	void resourceListsDefaultToEverythingAndTakeIdsOrStarPatterns() {
		ClientGrants grants = grants(SecurityMode.API_KEY,
				new GatewaySecurityProperties.Client("open", hash(KEY_A), null, null, List.of("*"),
						List.copyOf(OPERATIONS), null, null, null, null),
				new GatewaySecurityProperties.Client("tight", hash(KEY_B), null, null, List.of("*"),
						List.copyOf(OPERATIONS), List.of("sg-web-*", "exact_id", "*-shared", "a*b*c"), List.of("c1"),
						List.of(), null));

		ClientGrant open = grants.of("open").orElseThrow();
		assertThat(open.securityGroups().permitsEverything()).isTrue();
		assertThat(open.clusters().permits("any-cluster")).isTrue();
		assertThat(open.namespaces().permits("kube-system")).isTrue();
		ClientGrant tight = grants.of("tight").orElseThrow();
		assertThat(tight.securityGroups().permitsEverything()).isFalse();
		assertThat(tight.securityGroups().permits("sg-web-1")).isTrue();
		assertThat(tight.securityGroups().permits("sg-web-")).isTrue();
		assertThat(tight.securityGroups().permits("sg-db-1")).isFalse();
		assertThat(tight.securityGroups().permits("exact_id")).isTrue();
		assertThat(tight.securityGroups().permits("exact_id2")).isFalse();
		assertThat(tight.securityGroups().permits("team-shared")).isTrue();
		assertThat(tight.securityGroups().permits("team-shared-not")).isFalse();
		assertThat(tight.securityGroups().permits("a-b-c")).isTrue();
		assertThat(tight.securityGroups().permits("a-c-b")).isFalse();
		assertThat(tight.securityGroups().permits(null)).isFalse();
		assertThat(tight.clusters().permits("c1")).isTrue();
		assertThat(tight.clusters().permits("c10")).isFalse();
		// An empty list allows nothing.
		assertThat(tight.namespaces().permits("default")).isFalse();
	}

	@Test
	void aResourcePatternIsCheckedAtStartUp() {
		assertRefused(
				() -> grants(SecurityMode.API_KEY,
						new GatewaySecurityProperties.Client("a", hash(KEY_A), null, null, List.of("*"),
								List.of("vpc:AddSecurityGroups"), List.of("sg-ok", "sg.bad"), null, null, null)),
				"gateway.security.clients[0].security-groups[1] must be an id or a '*'-pattern");
		assertRefused(
				() -> grants(SecurityMode.API_KEY,
						new GatewaySecurityProperties.Client("a", hash(KEY_A), null, null, List.of("*"),
								List.of("vpc:AddSecurityGroups"), null, List.of("^c1$"), null, null)),
				"gateway.security.clients[0].clusters[0] must be an id or a '*'-pattern");
		assertRefused(
				() -> grants(SecurityMode.API_KEY,
						new GatewaySecurityProperties.Client("a", hash(KEY_A), null, null, List.of("*"),
								List.of("vpc:AddSecurityGroups"), null, null, List.of("kube system"), null)),
				"gateway.security.clients[0].namespaces[0] must be an id or a '*'-pattern");
	}

	private static void assertRefused(Runnable start, String message) {
		assertThatThrownBy(start::run).isInstanceOf(InvalidSecurityConfigurationException.class)
			.hasMessageStartingWith(message);
	}

	private static GatewaySecurityProperties.Client client(String name, String hash) {
		return new GatewaySecurityProperties.Client(name, hash, null, null, List.of("*"),
				List.of("vpc:AddSecurityGroups"), null, null, null, null);
	}

	private static ClientGrants grants(SecurityMode mode, GatewaySecurityProperties.Client... clients) {
		return grants(List.of(mode), clients);
	}

	private static ClientGrants grants(List<SecurityMode> modes, GatewaySecurityProperties.Client... clients) {
		return new ClientGrants(new GatewaySecurityProperties(modes, false, List.of(clients), List.of(),
				new GatewaySecurityProperties.Jwt(null, null, List.of(), "sub", List.of("RS256"), null, false),
				new GatewaySecurityProperties.Management(null)), OPERATIONS);
	}

	private static String hash(String key) {
		return java.util.HexFormat.of()
			.formatHex(ClientGrants.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

}
