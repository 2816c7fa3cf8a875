package dev.secgroup.gateway.upstream;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamErrorDecoderTest {

	private final UpstreamErrorDecoder decoder = new UpstreamErrorDecoder(JsonMapper.builder().build());

	@Test
	void apiGatewayShape() {
		assertThat(decode(
				"{\"error_msg\":\"Incorrect IAM authentication information\",\"error_code\":\"APIGW.0301\",\"request_id\":\"r1\"}",
				null))
			.isEqualTo(new UpstreamError("APIGW.0301", "Incorrect IAM authentication information", "r1"));
	}

	@Test
	void headerRequestIdWinsOverTheBody() {
		assertThat(decode("{\"error_code\":\"VPC.0114\",\"error_msg\":\"m\",\"request_id\":\"body\"}", "header")
			.requestId()).isEqualTo("header");
	}

	@Test
	void nestedAndNeutronShapes() {
		assertThat(decode("{\"error\":{\"code\":\"X.1\",\"message\":\"m\"}}", null).code()).isEqualTo("X.1");
		assertThat(decode("{\"NeutronError\":{\"message\":\"gone\",\"type\":\"PortNotFound\"}}", null).message())
			.isEqualTo("gone");
	}

	@Test
	void notJsonGivesNoCodeButKeepsTheHeaderRequestId() {
		assertThat(decode("<html/>", "h")).isEqualTo(new UpstreamError(null, null, "h"));
		assertThat(decode("", null)).isEqualTo(new UpstreamError(null, null, null));
	}

	private UpstreamError decode(String body, String requestIdHeader) {
		HttpHeaders headers = new HttpHeaders();
		if (requestIdHeader != null) {
			headers.set("X-Request-Id", requestIdHeader);
		}
		return decoder.decode(new UpstreamResponse(400, headers, body.getBytes(StandardCharsets.UTF_8), 1));
	}

}
