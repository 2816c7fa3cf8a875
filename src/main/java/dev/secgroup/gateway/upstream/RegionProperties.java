package dev.secgroup.gateway.upstream;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which Huawei Cloud region serves a project.
 *
 * @param region region of every project not listed under {@code projects} (e.g.
 * {@code ap-southeast-1}); required when an endpoint contains {@code {region}}
 * @param projects per-project settings, keyed by project id
 */
@Validated
@ConfigurationProperties("gateway")
public record RegionProperties(@Pattern(regexp = REGION) String region, Map<String, @Valid Project> projects) {

	/** A region id goes into a host name: lower-case letters, digits and hyphens only. */
	static final String REGION = "^[a-z0-9]+(-[a-z0-9]+)*$";

	public RegionProperties {
		projects = projects == null ? Map.of() : Map.copyOf(projects);
	}

	/**
	 * @param region region of this project
	 */
	public record Project(@NotBlank @Pattern(regexp = REGION) String region) {
	}

}
