package dev.secgroup.gateway.simulator;

/**
 * The port of the VPC document's example, as it is before the example request: every
 * field of the example response, with only the two security groups it had. So the
 * document's example request against the simulator answers the document's example
 * response.
 */
final class SeedPort {

	static final String PROJECT_ID = "f5dab68cd75740e68c599e9af5fe0aed";

	static final String PORT_ID = "99fd0c77-56b4-4bf6-8365-df352e45d5fc";

	static final String JSON = """
			{
			  "name" : "",
			  "id" : "99fd0c77-56b4-4bf6-8365-df352e45d5fc",
			  "admin_state_up" : true,
			  "status" : "DOWN",
			  "project_id" : "f5dab68cd75740e68c599e9af5fe0aed",
			  "device_id" : "",
			  "mac_address" : "fa:16:3e:1f:17:df",
			  "device_owner" : "",
			  "description" : "",
			  "zone_id" : "",
			  "scope" : "center",
			  "position_type" : "center",
			  "created_at" : "2023-05-10T01:35:02.000+00:00",
			  "updated_at" : "2023-05-10T01:35:02.000+00:00",
			  "port_security_enabled" : true,
			  "tags" : [ ],
			  "security_groups" : [ "567be4e3-d171-46ce-9e8a-c15e91cfe86a", "4940b983-5992-4663-bed9-d1d1e15d1009" ],
			  "allowed_address_pairs" : [ ],
			  "extra_dhcp_opts" : [ ],
			  "instance_id" : "",
			  "instance_type" : "",
			  "ecs_flavor" : "",
			  "enable_efi" : false,
			  "virsubnet_id" : "3847b263-2370-45c0-8236-38a1de568049",
			  "private_ips" : [ {
			    "subnet_cidr_id" : "ffe98087-6d4f-45cd-988b-1c87f75d2d53",
			    "ip_address" : "192.168.158.228"
			  } ],
			  "binding:host_id" : "",
			  "binding:vif_type" : "unbound",
			  "binding:vnic_type" : "normal",
			  "binding:vif_details" : { },
			  "binding:profile" : { },
			  "binding:migration_info" : { }
			}
			""";

	private SeedPort() {
	}

}
