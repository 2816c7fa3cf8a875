package dev.secgroup.gateway.vpc;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Documentation of upstream's 200 answer (Table 4/5 of the VPC document). The gateway
 * never parses it: the body is relayed byte for byte, every field included, also those
 * not listed here.
 *
 * @param requestId upstream request id
 * @param port the port after the insertion
 */
@Schema(description = "Upstream's answer, relayed unchanged (every Port field of the VPC document, including those not listed here).")
record InsertSecurityGroupsResponse(@JsonProperty("request_id") @Schema(description = "Request ID.") String requestId,
		@JsonProperty("port") Port port) {

	/**
	 * Port (Table 5), main fields.
	 *
	 * @param id port ID (UUID)
	 * @param name port name, up to 255 characters
	 * @param status ACTIVE, BUILD or DOWN
	 * @param projectId project the port belongs to
	 * @param securityGroups security groups bound to the port, in order
	 * @param adminStateUp administrative state
	 * @param portSecurityEnabled whether security groups and DHCP snooping take effect
	 * @param vifDetails VIF details
	 */
	@Schema(description = "Port. Every other documented field (binding:*, private_ips, tags, allowed_address_pairs, ...) is relayed too.",
			additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	record Port(@Schema(description = "Port ID (UUID).") String id, @Schema(description = "Port name.") String name,
			@Schema(description = "Port status: ACTIVE, BUILD or DOWN.") String status,
			@JsonProperty("project_id") @Schema(description = "Project the port belongs to.") String projectId,
			@JsonProperty("security_groups") @Schema(
					description = "Security groups bound to the port, in order.") List<String> securityGroups,
			@JsonProperty("admin_state_up") Boolean adminStateUp,
			@JsonProperty("port_security_enabled") Boolean portSecurityEnabled,
			@JsonProperty("binding:vif_details") Map<String, Object> vifDetails) {
	}

}
