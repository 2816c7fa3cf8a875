package dev.secgroup.gateway.upstream;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns an upstream's endpoint template and a request into the exact URI sent: the region
 * comes from the project, and every path and query value is percent-encoded as data, so
 * no input can change which upstream path is called.
 */
final class UpstreamEndpoints {

	private static final String REGION_PLACEHOLDER = "{region}";

	private final String name;

	private final String endpointTemplate;

	private final RegionProperties regions;

	UpstreamEndpoints(String name, String endpointTemplate, RegionProperties regions) {
		this.name = name;
		this.endpointTemplate = stripTrailingSlash(endpointTemplate);
		this.regions = regions;
		validate();
	}

	private void validate() {
		if (endpointTemplate.contains(REGION_PLACEHOLDER) && regions.region() == null) {
			throw new IllegalStateException(
					"gateway.region must be set: gateway.upstreams." + name + ".endpoint contains {region}");
		}
		URI sample = URI.create(endpointTemplate.replace(REGION_PLACEHOLDER, "region"));
		if (!("http".equals(sample.getScheme()) || "https".equals(sample.getScheme())) || sample.getHost() == null
				|| sample.getRawQuery() != null) {
			throw new IllegalStateException("gateway.upstreams." + name
					+ ".endpoint must be an http(s) URL without query: " + endpointTemplate);
		}
	}

	URI resolve(UpstreamRequest request) {
		String base = endpointTemplate.contains(REGION_PLACEHOLDER)
				? endpointTemplate.replace(REGION_PLACEHOLDER, regionOf(request.projectId())) : endpointTemplate;
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(base + request.pathTemplate());
		MultiValueMap<String, String> query = request.query();
		request.pathVariables().forEach((name, value) -> {
			// Percent-encoding leaves dots alone, and a "." or ".." segment would be
			// resolved away.
			if (value == null || value.isEmpty() || ".".equals(value) || "..".equals(value)) {
				throw new IllegalArgumentException("path variable " + name + " is not a single path segment");
			}
		});
		Map<String, Object> variables = new java.util.HashMap<>(request.pathVariables());
		int i = 0;
		for (Map.Entry<String, java.util.List<String>> entry : query.entrySet()) {
			for (String value : entry.getValue()) {
				String key = "query" + i++;
				builder.queryParam(entry.getKey(), "{" + key + "}");
				variables.put(key, value);
			}
		}
		// encode() before expanding: the template is encoded once and each variable
		// strictly,
		// so '/', '?', '%' and '..' in values stay data inside their segment.
		return builder.encode().buildAndExpand(variables).toUri();
	}

	private String regionOf(String projectId) {
		return Optional.ofNullable(projectId)
			.map(regions.projects()::get)
			.map(RegionProperties.Project::region)
			.orElse(regions.region());
	}

	private static String stripTrailingSlash(String endpoint) {
		return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
	}

}
