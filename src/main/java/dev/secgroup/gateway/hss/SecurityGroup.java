package dev.secgroup.gateway.hss;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.secgroup.gateway.web.PathRules;

/**
 * SecurityGroup (Table 5 of the HSS document).
 *
 * @param securityGroupId unique ID of a security group in the cloud native network model;
 * must be in the same VPC as the cluster; required, 1-64 letters, digits, '-' or '_' (the
 * document's rule, the gateway's {@link PathRules#RESOURCE_ID})
 * @param securityGroupName name of the security group; optional, of the same form as the
 * id; should match the group's real name (else only the display is affected)
 * @param securityGroupDescription purpose and permission scope of the group; optional,
 * 0-256 characters (letters incl. Chinese, digits, common punctuation, spaces), no HTML
 * tags
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecurityGroup(@Schema(
		description = "Unique ID of a security group in the cloud native network model. It must be in the same VPC "
				+ "network as the cluster. 1 to 64 characters: letters, digits, hyphens (-) and underscores (_).",
		example = "03b46bce-b0b7-42d3-992d-ddfb567106f0", minLength = 1,
		maxLength = 64) @JsonProperty("security_group_id") @NotNull @Pattern(regexp = PathRules.RESOURCE_ID,
				message = PathRules.RESOURCE_ID_MESSAGE) String securityGroupId,
		@Schema(description = "Name of the security group; if given, must be the name of the group of security_group_id "
				+ "(otherwise only the display is affected). 1 to 64 characters: letters, digits, hyphens (-) and underscores (_). "
				+ "Default: the system name of the group.", example = "sg-4a7d", minLength = 1,
				maxLength = 64) @JsonProperty("security_group_name") @Pattern(regexp = PathRules.RESOURCE_ID,
						message = PathRules.RESOURCE_ID_MESSAGE) String securityGroupName,
		@Schema(description = "Description of the security group (purpose and permission scope). 0 to 256 characters: "
				+ "letters (including Chinese), digits, common punctuation and spaces; no HTML tags (no '<' or '>') and no "
				+ "control characters.") @JsonProperty("security_group_description") @Size(max = 256) @Pattern(
						regexp = DESCRIPTION, message = DESCRIPTION_MESSAGE) String securityGroupDescription) {

	/**
	 * No angle brackets (so no HTML tag) and no control characters such as CR/LF
	 * (U+0000-U+001F, U+007F), written so that Java and ECMA-262 read it alike.
	 */
	static final String DESCRIPTION = "^[^<>\\x00-\\x1F\\x7F]*$";

	static final String DESCRIPTION_MESSAGE = "must not contain HTML tags ('<', '>') or control characters";

}
