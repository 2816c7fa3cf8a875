package dev.secgroup.gateway.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.secgroup.gateway.credentials.IamStubs.ANY_VPC_PORT;
import static dev.secgroup.gateway.credentials.IamStubs.OIDC_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code oidc} mode against a WireMock IAM: the exact exchange ({@code X-Idp-Id}, body
 * with the ID token and the project scope), the ID token file read again at every
 * exchange (the kubelet rotates it), and a file that becomes unreadable answered 503
 * without calling IAM.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = { "gateway.credentials.mode=oidc", "gateway.credentials.idp-id=" + OidcTokenTest.IDP })
class OidcTokenTest extends GatewayTestSupport {

	static final String IDP = "k8s-workload-idp";

	static final String FIRST_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Z3c6Z3ciLCJuIjoxfQ.c2lnLTE";

	static final String ROTATED_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Z3c6Z3ciLCJuIjoyfQ.c2lnLTI";

	static final Path TOKEN_FILE = tokenFile();

	@Autowired
	MutableClock clock;

	private final String project = IamStubs.newProject();

	@DynamicPropertySource
	static void idTokenFile(DynamicPropertyRegistry registry) {
		registry.add("gateway.credentials.id-token-file", TOKEN_FILE::toString);
	}

	@BeforeEach
	void stubs() throws IOException {
		Files.writeString(TOKEN_FILE, FIRST_JWT + "\n");
		upstream.stubFor(WireMock.put(ANY_VPC_PORT).willReturn(IamStubs.vpcOk()));
		upstream.stubFor(WireMock.post(urlEqualTo(OIDC_PATH))
			.willReturn(IamStubs.issued("oidc-token", clock.instant().plus(Duration.ofHours(24)), null)));
	}

	@AfterEach
	void fileBack() throws IOException {
		Files.writeString(TOKEN_FILE, FIRST_JWT);
	}

	@Test
	void exchangesTheIdTokenForAProjectScopedTokenWithTheIdpHeader() {
		assertThat(put(IamStubs.vpcPath(project), VPC_BODY).statusCode()).isEqualTo(200);

		LoggedRequest iam = upstream.findAll(postRequestedFor(urlEqualTo(OIDC_PATH))).get(0);
		assertThat(iam.getUrl()).isEqualTo(OIDC_PATH);
		assertThat(iam.getHeader("X-Idp-Id")).isEqualTo(IDP);
		assertThat(iam.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
		assertThat(iam.containsHeader("X-Auth-Token")).isFalse();
		assertThat(iam.getBodyAsString()).isEqualTo("{\"auth\":{\"id_token\":{\"id\":\"" + FIRST_JWT
				+ "\"},\"scope\":{\"project\":{\"id\":\"" + project + "\"}}}}");
		assertThat(upstream.findAll(putRequestedFor(ANY_VPC_PORT)).get(0).getHeader("X-Auth-Token"))
			.isEqualTo("oidc-token");
	}

	@Test
	void readsTheRotatedIdTokenFileAtTheNextExchange() throws IOException {
		assertThat(put(IamStubs.vpcPath(project), VPC_BODY).statusCode()).isEqualTo(200);
		Files.writeString(TOKEN_FILE, ROTATED_JWT);

		// Another project needs its own token: a new exchange, with what the file holds
		// now.
		assertThat(put(IamStubs.vpcPath(IamStubs.newProject()), VPC_BODY).statusCode()).isEqualTo(200);

		assertThat(upstream.findAll(postRequestedFor(urlEqualTo(OIDC_PATH))))
			.extracting(request -> json.readTree(request.getBodyAsString()).at("/auth/id_token/id").asString())
			.containsExactly(FIRST_JWT, ROTATED_JWT);
	}

	@Test
	void anIdTokenFileGoneAtRuntimeAnswers503WithoutAskingIam() throws IOException {
		Files.delete(TOKEN_FILE);

		HttpResponse<String> response = put(IamStubs.vpcPath(project), VPC_BODY);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("GW.0523");
		// The file's path stays in the log (review A16).
		assertThat(response.body()).doesNotContain(TOKEN_FILE.toString());
		assertThat(upstream.findAll(postRequestedFor(urlEqualTo(OIDC_PATH)))).isEmpty();
		assertThat(upstream.findAll(putRequestedFor(ANY_VPC_PORT))).isEmpty();
	}

	private static Path tokenFile() {
		try {
			Path file = Files.createTempFile("id-token", ".jwt");
			Files.writeString(file, FIRST_JWT);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
