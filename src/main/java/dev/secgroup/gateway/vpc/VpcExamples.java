package dev.secgroup.gateway.vpc;

/** The VPC document's example request and response, shown in Swagger UI. */
final class VpcExamples {

	static final String REQUEST = "{\n" + "  \"port\" : {\n"
			+ "    \"security_groups\" : [ \"8edd3747-ccd4-49a1-82b9-a165eec314b4\", \"6c2d4540-3b7d-4207-a319-a7231b439995\" ],\n"
			+ "    \"index\" : 1\n" + "  }\n" + "}";

	static final String RESPONSE = "{\n" + "  \"port\" : {\n" + "    \"name\" : \"\",\n"
			+ "    \"id\" : \"99fd0c77-56b4-4bf6-8365-df352e45d5fc\",\n" + "    \"admin_state_up\" : true,\n"
			+ "    \"status\" : \"DOWN\",\n" + "    \"project_id\" : \"f5dab68cd75740e68c599e9af5fe0aed\",\n"
			+ "    \"device_id\" : \"\",\n" + "    \"mac_address\" : \"fa:16:3e:1f:17:df\",\n"
			+ "    \"device_owner\" : \"\",\n" + "    \"description\" : \"\",\n" + "    \"zone_id\" : \"\",\n"
			+ "    \"scope\" : \"center\",\n" + "    \"position_type\" : \"center\",\n"
			+ "    \"created_at\" : \"2023-05-10T01:35:02.000+00:00\",\n"
			+ "    \"updated_at\" : \"2023-05-10T01:35:02.000+00:00\",\n" + "    \"port_security_enabled\" : true,\n"
			+ "    \"tags\" : [ ],\n"
			+ "    \"security_groups\" : [ \"567be4e3-d171-46ce-9e8a-c15e91cfe86a\", \"8edd3747-ccd4-49a1-82b9-a165eec314b4\", \"6c2d4540-3b7d-4207-a319-a7231b439995\", \"4940b983-5992-4663-bed9-d1d1e15d1009\" ],\n"
			+ "    \"allowed_address_pairs\" : [ ],\n" + "    \"extra_dhcp_opts\" : [ ],\n"
			+ "    \"instance_id\" : \"\",\n" + "    \"instance_type\" : \"\",\n" + "    \"ecs_flavor\" : \"\",\n"
			+ "    \"enable_efi\" : false,\n" + "    \"virsubnet_id\" : \"3847b263-2370-45c0-8236-38a1de568049\",\n"
			+ "    \"private_ips\" : [ {\n" + "      \"subnet_cidr_id\" : \"ffe98087-6d4f-45cd-988b-1c87f75d2d53\",\n"
			+ "      \"ip_address\" : \"192.168.158.228\"\n" + "    } ],\n" + "    \"binding:host_id\" : \"\",\n"
			+ "    \"binding:vif_type\" : \"unbound\",\n" + "    \"binding:vnic_type\" : \"normal\",\n"
			+ "    \"binding:vif_details\" : { },\n" + "    \"binding:profile\" : { },\n"
			+ "    \"binding:migration_info\" : { }\n" + "  },\n"
			+ "  \"request_id\" : \"458691c0-7db2-43d8-9400-053800c5ff53\"\n" + "}";

	private VpcExamples() {
	}

}
