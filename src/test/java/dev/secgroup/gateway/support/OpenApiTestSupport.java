package dev.secgroup.gateway.support;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A running gateway and the OpenAPI document it publishes, fetched before each test. */
public abstract class OpenApiTestSupport extends GatewayTestSupport {

	protected OpenApiDocument doc;

	@BeforeEach
	void fetchDocument() {
		HttpResponse<String> response = send("GET", "/v3/api-docs", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		doc = new OpenApiDocument(parse(response.body()));
	}

}
