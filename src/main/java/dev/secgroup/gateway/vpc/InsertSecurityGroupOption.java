package dev.secgroup.gateway.vpc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.secgroup.gateway.web.PathRules;

/**
 * InsertSecurityGroupOption (Table 3 of the VPC document).
 *
 * @param securityGroups IDs of the security groups to insert, in order; required and
 * non-empty. The document gives no limit; the gateway bounds the list at 100 (the
 * per-port limit) and each id at 1-64 letters, digits, '-' or '_' (ids are UUIDs)
 * @param index position the security groups are added at, from 0: 0 puts them at the top;
 * n puts them after the n-th group; absent appends them to the end of the port's list
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InsertSecurityGroupOption(@ArraySchema(arraySchema = @Schema(
		description = "IDs of security groups to be inserted. "
				+ "Gateway bounds (the document gives none): 1-100 ids, each 1-64 letters, digits, '-' or '_'.",
		example = "[\"8edd3747-ccd4-49a1-82b9-a165eec314b4\", \"6c2d4540-3b7d-4207-a319-a7231b439995\"]")) @JsonProperty("security_groups") @NotNull @Size(
				min = 1,
				max = 100) List<@NotNull @Pattern(regexp = PathRules.RESOURCE_ID,
						message = PathRules.RESOURCE_ID_MESSAGE) String> securityGroups,
		@Schema(description = "Position that the security groups are added to, starting from 0: 0 adds them to the top of the "
				+ "port's list; n adds them after the n-th security group. By default they are added to the end.",
				example = "1") @JsonProperty("index") @PositiveOrZero Integer index) {
}
