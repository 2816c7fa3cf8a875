package dev.secgroup.gateway.hss;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class HssSecurityGroupPolicyTest extends GatewayTestSupport {

	static final String UPSTREAM_PATH = "/hss" + HSS_PATH;

	@Test
	void forwardsPathQueryAndExactBodyAndAnswers200WithEmptyBody() {
		upstream.stubFor(WireMock.post(urlPathEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200)));

		HttpResponse<String> response = post(HSS_PATH + "?enterprise_project_id=all_granted_eps", HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		upstream.verify(1,
				postRequestedFor(urlEqualTo(UPSTREAM_PATH + "?enterprise_project_id=all_granted_eps"))
					.withHeader("Content-Type", equalTo("application/json"))
					.withRequestBody(equalToJson(HSS_BODY)));
		assertThat(upstream.getAllServeEvents().get(0).getRequest().getBodyAsString()).isEqualTo(HSS_BODY);
	}

	@Test
	void sendsNoQueryWhenNoEnterpriseProjectIsGiven() {
		upstream.stubFor(WireMock.post(urlPathEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200)));

		post(HSS_PATH, HSS_BODY);

		upstream.verify(1, postRequestedFor(urlEqualTo(UPSTREAM_PATH)));
	}

	@Test
	void keepsOptionalSecurityGroupMembersOutWhenAbsent() {
		upstream.stubFor(WireMock.post(urlPathEqualTo(UPSTREAM_PATH)).willReturn(aResponse().withStatus(200)));
		String body = """
				{"policy_name":"p","workload_id":"w","workload_name":"n","workload_type":"daemonsets","security_groups":[{"security_group_id":"sg_1"}]}""";

		post(HSS_PATH, body);

		assertThat(upstream.getAllServeEvents().get(0).getRequest().getBodyAsString()).isEqualTo(body);
	}

	@Test
	void hssErrorBodyKeepsStatusAndCode() {
		upstream.stubFor(WireMock.post(urlPathEqualTo(UPSTREAM_PATH))
			.willReturn(aResponse().withStatus(400)
				.withHeader("X-Request-Id", "hss-req")
				.withBody(
						"{\"error_code\":\"HSS.1005\",\"error_description\":\"d\",\"error_msg\":\"Cluster not found\"}")));

		HttpResponse<String> response = post(HSS_PATH, HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(parse(response.body()).get("error_code").asString()).isEqualTo("HSS.1005");
		assertThat(parse(response.body()).get("error_msg").asString()).isEqualTo("Cluster not found");
		assertThat(parse(response.body()).get("upstream_request_id").asString()).isEqualTo("hss-req");
	}

}
