package dev.secgroup.gateway.web;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query strings are as strict as bodies: an unknown or repeated parameter is a 400 naming
 * it, and nothing goes upstream (review: silently dropped before).
 */
class StrictQueryStringTest extends GatewayTestSupport {

	@Test
	void anyQueryParameterOnThePutIsRefusedByName() {
		for (String query : new String[] { "?foo=bar", "?enterprise_project_id=0", "?dry_run" }) {
			HttpResponse<String> response = put(VPC_PATH + query, VPC_BODY);

			assertThat(response.statusCode()).as(query).isEqualTo(400);
			JsonNode violation = parse(response.body()).get("violations").get(0);
			assertThat(violation.get("field").asString()).isEqualTo(query.substring(1).split("=")[0]);
			assertThat(violation.get("message").asString()).startsWith("unknown query parameter");
		}
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void anUnknownParameterBesideEnterpriseProjectIdIsRefusedOnThePost() {
		HttpResponse<String> response = post(HSS_PATH + "?enterprise_project_id=0&x%2Dy=1", HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JsonNode violations = parse(response.body()).get("violations");
		assertThat(violations).hasSize(1);
		assertThat(violations.get(0).get("field").asString()).isEqualTo("x-y");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void aRepeatedParameterIsRefusedByName() {
		HttpResponse<String> response = post(HSS_PATH + "?enterprise_project_id=0&enterprise_project_id=0", HSS_BODY);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode violation = parse(response.body()).get("violations").get(0);
		assertThat(violation.get("field").asString()).isEqualTo("enterprise_project_id");
		assertThat(violation.get("message").asString()).startsWith("repeated query parameter");
		upstream.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theDeclaredParameterOnceStillGoesUpstream() {
		upstream.stubFor(WireMock.post(urlPathEqualTo("/hss" + HSS_PATH)).willReturn(aResponse().withStatus(200)));

		assertThat(post(HSS_PATH + "?enterprise_project_id=all_granted_eps", HSS_BODY).statusCode()).isEqualTo(200);
		assertThat(post(HSS_PATH + "?", HSS_BODY).statusCode()).isEqualTo(200);

		upstream.verify(1, postRequestedFor(urlPathEqualTo("/hss" + HSS_PATH)).withQueryParam("enterprise_project_id",
				equalTo("all_granted_eps")));
	}

}
