package dev.secgroup.gateway.audit;

import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.secgroup.gateway.support.AuditLines;
import dev.secgroup.gateway.support.SecuredGatewayTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review A3/B2: on Kubernetes (where Spring Boot would trust every private address's
 * {@code X-Forwarded-For}), a caller cannot put another address into the audit trail:
 * with no trusted proxy configured, {@code source_address} is the TCP peer.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "spring.main.cloud-platform=kubernetes")
class ForwardedAddressAuditTest extends SecuredGatewayTestSupport {

	@Test
	void aForgedForwardedForIsNotTheSourceAddress(CapturedOutput output) {
		upstream
			.stubFor(WireMock.put(urlPathMatching("/vpc/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));

		HttpResponse<String> response = sendWithKey("PUT", VPC_PATH, KEY_A, VPC_BODY, "X-Forwarded-For", "203.0.113.9",
				"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example");

		assertThat(response.statusCode()).isEqualTo(200);
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(AuditLines.single(output, requestId).get("source_address").asString()).isEqualTo("127.0.0.1");
	}

}
