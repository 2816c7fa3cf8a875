package dev.secgroup.gateway.upstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Turns an upstream's endpoint template and a request into the exact URI sent: the region
 * comes from the project, and every path and query value is percent-encoded as data, so
 * no input can change which upstream path is called.
 */
final class UpstreamEndpoints {

	private static final String REGION_PLACEHOLDER = "{region}";

	/**
	 * Templates kept at most: operations times regions times query parameter sets, far
	 * fewer in practice; beyond it a template is parsed per call rather than grow without
	 * bound.
	 */
	private static final int MAX_TEMPLATES = 1024;

	private final String name;

	private final String endpointTemplate;

	private final RegionProperties regions;

	/** Whether the endpoint differs by region (contains {@code {region}}). */
	private final boolean regional;

	/** Encoded URI templates by endpoint, path template and query names. */
	private final Map<String, UriComponents> templates = new ConcurrentHashMap<>();

	UpstreamEndpoints(String name, String endpointTemplate, RegionProperties regions) {
		this.name = name;
		this.endpointTemplate = stripTrailingSlash(endpointTemplate);
		this.regional = this.endpointTemplate.contains(REGION_PLACEHOLDER);
		this.regions = regions;
		validate();
	}

	private void validate() {
		if (regional && regions.region() == null) {
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
		return resolve(request, regionOf(request));
	}

	/**
	 * The URI of {@code request} sent to {@code region}, as {@link #regionOf} answers it
	 * for the request (resolved once by a caller that needs it too).
	 */
	URI resolve(UpstreamRequest request, @Nullable String region) {
		String base = (region != null) ? endpointTemplate.replace(REGION_PLACEHOLDER, region) : endpointTemplate;
		MultiValueMap<String, String> query = request.query();
		request.pathVariables().forEach((name, value) -> {
			// Percent-encoding leaves dots alone, and a "." or ".." segment would be
			// resolved away.
			if (value == null || value.isEmpty() || ".".equals(value) || "..".equals(value)) {
				throw new IllegalArgumentException("path variable " + name + " is not a single path segment");
			}
		});
		Map<String, Object> variables = new HashMap<>(request.pathVariables());
		StringBuilder key = new StringBuilder(base).append(request.pathTemplate());
		List<String> names = new ArrayList<>();
		int i = 0;
		for (Map.Entry<String, List<String>> entry : query.entrySet()) {
			for (String value : entry.getValue()) {
				names.add(entry.getKey());
				variables.put("query" + i++, value);
				// Length-prefixed: no two lists of names make the same key.
				key.append('\n').append(entry.getKey().length()).append(':').append(entry.getKey());
			}
		}
		return template(key.toString(), base + request.pathTemplate(), names).expand(variables).toUri();
	}

	/**
	 * The encoded template of an upstream URI: its path template with
	 * {@code name={queryN}} for each query value. Encoding a template (parsing it) is the
	 * costly half of building a URI; the templates are few (one per operation and query
	 * parameters sent), so each is parsed once. Values are expanded into it, each encoded
	 * strictly, so '/', '?', '%' and '..' in values stay data inside their segment.
	 */
	private UriComponents template(String key, String pathTemplate, List<String> queryNames) {
		UriComponents known = templates.get(key);
		if (known != null) {
			return known;
		}
		UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(pathTemplate);
		for (int i = 0; i < queryNames.size(); i++) {
			builder.queryParam(queryNames.get(i), "{query" + i + "}");
		}
		UriComponents template = builder.encode().build();
		if (templates.size() < MAX_TEMPLATES) {
			templates.put(key, template);
		}
		return template;
	}

	/**
	 * The region the request goes to, or {@code null} when the endpoint has no
	 * {@code {region}} (one endpoint for every project).
	 */
	@Nullable String regionOf(UpstreamRequest request) {
		return regional ? regionOf(request.projectId()) : null;
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
