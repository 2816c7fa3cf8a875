package dev.secgroup.gateway.upstream;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class UpstreamEndpointsTest {

	private static final String TEMPLATE = "/v3/{project_id}/ports/{port_id}/insert-security-groups";

	private final RegionProperties regions = new RegionProperties("ap-southeast-1",
			Map.of("p-eu", new RegionProperties.Project("eu-west-101")));

	@Test
	void fillsTheRegionOfTheProjectOrTheDefault() {
		UpstreamEndpoints endpoints = new UpstreamEndpoints("vpc", "https://vpc.{region}.myhuaweicloud.com/", regions);

		assertThat(endpoints.resolve(request("p-eu", "port", new LinkedMultiValueMap<>())))
			.hasToString("https://vpc.eu-west-101.myhuaweicloud.com/v3/p-eu/ports/port/insert-security-groups");
		assertThat(endpoints.resolve(request("other", "port", new LinkedMultiValueMap<>())).getHost())
			.isEqualTo("vpc.ap-southeast-1.myhuaweicloud.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../x", "a/b", "...", "%00", "a?b=c", "a#b", "%2F", "a b" })
	void noValueCanChangeWhichUpstreamPathIsCalled(String portId) {
		UpstreamEndpoints endpoints = new UpstreamEndpoints("vpc", "https://vpc.example", regions);

		URI uri = endpoints.resolve(request("p", portId, new LinkedMultiValueMap<>()));

		assertThat(uri.getRawQuery()).isNull();
		assertThat(uri.getRawFragment()).isNull();
		String[] segments = uri.getRawPath().split("/", -1);
		assertThat(segments).hasSize(6);
		assertThat(segments[3]).isEqualTo("ports");
		assertThat(segments[5]).isEqualTo("insert-security-groups");
		assertThat(URI.create("https://x/" + segments[4]).getPath()).isEqualTo("/" + portId);
		assertThat(segments[4]).doesNotContain("/").isNotEqualTo("..");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "" })
	void refusesDotSegmentsAndEmptyValues(String portId) {
		UpstreamEndpoints endpoints = new UpstreamEndpoints("vpc", "https://vpc.example", regions);

		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> endpoints.resolve(request("p", portId, new LinkedMultiValueMap<>())))
			.withMessageContaining("port_id");
	}

	@Test
	void encodesQueryValuesAsData() {
		UpstreamEndpoints endpoints = new UpstreamEndpoints("hss", "https://hss.example", regions);
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("enterprise_project_id", "a&b=c d");

		URI uri = endpoints.resolve(request("p", "x", query));

		assertThat(uri.getRawQuery()).isEqualTo("enterprise_project_id=a%26b%3Dc%20d");
	}

	@Test
	void aTemplateParsedOnceServesEveryCallWithItsOwnValues() {
		UpstreamEndpoints endpoints = new UpstreamEndpoints("vpc", "https://vpc.{region}.example", regions);
		MultiValueMap<String, String> one = new LinkedMultiValueMap<>();
		one.add("a", "1");
		MultiValueMap<String, String> two = new LinkedMultiValueMap<>();
		two.add("a", "x/y");
		two.add("a", "2");
		MultiValueMap<String, String> other = new LinkedMultiValueMap<>();
		other.add("b", "3");

		assertThat(endpoints.resolve(request("p", "first", one)))
			.hasToString("https://vpc.ap-southeast-1.example/v3/p/ports/first/insert-security-groups?a=1");
		assertThat(endpoints.resolve(request("p-eu", "../x", two)))
			.hasToString("https://vpc.eu-west-101.example/v3/p-eu/ports/..%2Fx/insert-security-groups?a=x%2Fy&a=2");
		assertThat(endpoints.resolve(request("q", "second", one)))
			.hasToString("https://vpc.ap-southeast-1.example/v3/q/ports/second/insert-security-groups?a=1");
		assertThat(endpoints.resolve(request("q", "third", other)))
			.hasToString("https://vpc.ap-southeast-1.example/v3/q/ports/third/insert-security-groups?b=3");
		assertThat(endpoints.resolve(request("q", "fourth", new LinkedMultiValueMap<>())))
			.hasToString("https://vpc.ap-southeast-1.example/v3/q/ports/fourth/insert-security-groups");
	}

	@Test
	void refusesAnEndpointThatIsNotAnHttpUrl() {
		assertThatIllegalStateException().isThrownBy(() -> new UpstreamEndpoints("vpc", "ftp://x", regions))
			.withMessageContaining("gateway.upstreams.vpc.endpoint");
	}

	@Test
	void refusesARegionTemplateWithoutARegion() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new UpstreamEndpoints("hss", "https://hss.{region}.x", new RegionProperties(null, null)))
			.withMessageContaining("gateway.region");
	}

	private static UpstreamRequest request(String project, String portId, MultiValueMap<String, String> query) {
		return UpstreamRequest.to("vpc:AddSecurityGroups", HttpMethod.PUT, TEMPLATE)
			.pathVariable("project_id", project)
			.pathVariable("port_id", portId)
			.query(query)
			.project(project)
			.requestId("r")
			.idempotent(true)
			.build();
	}

}
