package dev.secgroup.gateway.vpc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.support.GatewayTestSupport;
import dev.secgroup.gateway.support.RequestCase;
import dev.secgroup.gateway.support.RequestCase.Accepted;
import dev.secgroup.gateway.support.RequestCase.Call;
import dev.secgroup.gateway.support.RequestCase.Rejection;
import dev.secgroup.gateway.web.ErrorCodes;

import static dev.secgroup.gateway.support.GatewayTestSupport.PORT_ID;
import static dev.secgroup.gateway.support.GatewayTestSupport.PROJECT;
import static dev.secgroup.gateway.support.GatewayTestSupport.VPC_BODY;
import static dev.secgroup.gateway.support.GatewayTestSupport.VPC_PATH;

/**
 * One case per constraint of VPC insert-security-groups: the VPC document's rules (marked
 * {@link RequestCase.Rule#DOCUMENT}) and the gateway's own bounds on
 * {@link InsertSecurityGroupsRequest}, {@link InsertSecurityGroupOption} and the path.
 * Read by {@link VpcRequestValidationTest} and by the simulator's cross-check.
 */
public final class VpcValidationCases {

	private static final String SG = "03b46bce-b0b7-42d3-992d-ddfb567106f0";

	private VpcValidationCases() {
	}

	public static Stream<Rejection> bodyViolations() {
		List<Rejection> cases = new ArrayList<>();
		cases.add(body("port missing", "{}", "port").byTheDocument());
		cases.add(body("port missing, only dry_run", "{\"dry_run\":true}", "port").byTheDocument());
		cases.add(body("port null", "{\"port\":null}", "port").byTheDocument());
		cases.add(body("port.security_groups missing", port(p -> p.remove("security_groups")), "port.security_groups")
			.byTheDocument());
		cases.add(body("port.security_groups null", port(p -> p.putNull("security_groups")), "port.security_groups")
			.byTheDocument());
		cases.add(body("port.security_groups empty", port(p -> p.putArray("security_groups")), "port.security_groups")
			.byTheDocument());
		cases.add(body("port.security_groups with 101 ids", port(p -> {
			ArrayNode groups = p.putArray("security_groups");
			for (int i = 0; i < 101; i++) {
				groups.add("sg-" + i);
			}
		}), "port.security_groups"));
		cases.add(body("port.security_groups with a null id", port(p -> p.putArray("security_groups").addNull()),
				"port.security_groups[0]")
			.byTheDocument());
		cases.add(body("port.security_groups with an empty id", port(p -> p.putArray("security_groups").add("")),
				"port.security_groups[0]")
			.byTheDocument());
		cases.add(body("port.security_groups with an id of 65 characters",
				port(p -> p.putArray("security_groups").add("a".repeat(65))), "port.security_groups[0]")
			.byTheDocument());
		cases.add(body("port.security_groups with an id containing a space",
				port(p -> p.putArray("security_groups").add("sg 1")), "port.security_groups[0]")
			.byTheDocument());
		cases.add(body("port.security_groups with a bad second id",
				port(p -> p.putArray("security_groups").add(SG).add("../x")), "port.security_groups[1]")
			.byTheDocument());
		cases.add(body("port.index -1", port(p -> p.put("index", -1)), "port.index").byTheDocument());
		cases.add(body("dry_run \"yes\"", vpc(b -> b.put("dry_run", "yes")), "dry_run").byTheDocument());
		cases.add(body("dry_run \"true\" as a string", vpc(b -> b.put("dry_run", "true")), "dry_run").byTheDocument());
		return cases.stream();
	}

	/** Members of the documented types only: a value of another JSON type is refused. */
	public static Stream<Rejection> bodiesOfTheWrongJsonTypes() {
		return Stream.of(body("index as a string \"1\"", port(p -> p.put("index", "1")), "port.index").byTheDocument(),
				body("index as a fraction 1.5", port(p -> p.put("index", 1.5)), "port.index").byTheDocument(),
				body("index as a boolean", port(p -> p.put("index", true)), "port.index").byTheDocument(),
				body("index beyond a 32-bit integer", port(p -> p.put("index", 2147483648L)), "port.index")
					.byTheDocument(),
				body("security_groups as a string", port(p -> p.put("security_groups", "x")), "port.security_groups")
					.byTheDocument(),
				body("security_groups as an object", port(p -> p.putObject("security_groups")), "port.security_groups")
					.byTheDocument(),
				body("security_groups with a number", port(p -> p.putArray("security_groups").add(1)),
						"port.security_groups[0]")
					.byTheDocument(),
				body("port as a string", "{\"port\":\"x\"}", "port").byTheDocument(),
				body("port as an array", "{\"port\":[]}", "port").byTheDocument(),
				body("dry_run as 1", vpc(b -> b.put("dry_run", 1)), "dry_run").byTheDocument(),
				body("unknown top-level member", vpc(b -> b.put("force", true)), "force"),
				body("unknown member inside port", port(p -> p.put("fixed_ips", "x")), "port.fixed_ips"),
				body("duplicate top-level member",
						"{\"port\":{\"security_groups\":[\"a\"]},\"port\":{\"security_groups\":[\"b\"]}}", "port"),
				body("duplicate member inside port", "{\"port\":{\"security_groups\":[\"a\"],\"index\":0,\"index\":1}}",
						"port.index"));
	}

	public static Stream<Rejection> invalidPathValues() {
		return Stream.of(at("project_id of 257 characters", path("p".repeat(257), PORT_ID), "project_id"),
				at("project_id with a dot", path("f5dab68c.d757", PORT_ID), "project_id"),
				at("port_id ..%2F..%2Fx (encoded traversal)", path(PROJECT, "..%2F..%2Fx"), "port_id"),
				at("port_id a%2Fb (encoded slash)", path(PROJECT, "a%2Fb"), "port_id"),
				at("port_id %2e%2e (encoded dot-dot)", path(PROJECT, "%2e%2e"), "port_id"),
				at("port_id a%20b (encoded space)", path(PROJECT, "a%20b"), "port_id"),
				// "//" is refused by Spring Security's firewall before routing: the URL
				// itself is named.
				at("port_id empty (double slash)", path(PROJECT, ""), "url"),
				at("port_id of 65 characters", path(PROJECT, "p".repeat(65)), "port_id"));
	}

	/** Valid minimal requests and valid boundary values: the matrix is not vacuous. */
	public static Stream<Accepted> validRequests() {
		return Stream.of(
				ok("minimal body (security_groups only)", VPC_PATH,
						"{\"port\":{\"security_groups\":[\"" + SG + "\"]}}"),
				ok("security group id of exactly 64 characters", VPC_PATH,
						port(p -> p.putArray("security_groups").add("a".repeat(64)))),
				ok("index 0", VPC_PATH, port(p -> p.put("index", 0))), ok("100 security groups", VPC_PATH, port(p -> {
					ArrayNode groups = p.putArray("security_groups");
					for (int i = 0; i < 100; i++) {
						groups.add("sg-" + i);
					}
				})), ok("dry_run false", VPC_PATH, vpc(b -> b.put("dry_run", false))),
				ok("project_id of 256 characters and port_id of 64", path("p".repeat(256), "P".repeat(64)), VPC_BODY));
	}

	/**
	 * Every violation of one request at once: path and body (a member of the wrong JSON
	 * type would stop the body's binding, so none is here).
	 */
	public static Rejection severalViolations() {
		String body = port(p -> p.put("index", -1).putArray("security_groups").add(SG).add("sg 1"));
		return new Rejection("several violations",
				new Call("PUT", path("f5dab68c.d757", "p".repeat(65)), RequestCase.JSON, body), 400,
				ErrorCodes.VALIDATION, List.of("project_id", "port_id", "port.index", "port.security_groups[1]"),
				RequestCase.Rule.GATEWAY);
	}

	public static String path(String project, String portId) {
		return "/v3/" + project + "/ports/" + portId + "/insert-security-groups";
	}

	/** {@link GatewayTestSupport#VPC_BODY} changed by {@code change}. */
	public static String vpc(Consumer<ObjectNode> change) {
		return RequestCase.changed(VPC_BODY, change);
	}

	private static String port(Consumer<ObjectNode> change) {
		return vpc(body -> change.accept((ObjectNode) body.get("port")));
	}

	private static Rejection body(String name, String body, String field) {
		return new Rejection("VPC: " + name, new Call("PUT", VPC_PATH, RequestCase.JSON, body), 400,
				ErrorCodes.VALIDATION, List.of(field), RequestCase.Rule.GATEWAY);
	}

	private static Rejection at(String name, String path, String field) {
		return new Rejection("VPC: " + name, new Call("PUT", path, RequestCase.JSON, VPC_BODY), 400,
				ErrorCodes.VALIDATION, List.of(field), RequestCase.Rule.GATEWAY);
	}

	private static Accepted ok(String name, String path, String body) {
		return new Accepted(name, "PUT", path, body, "vpc");
	}

}
