package dev.secgroup.gateway.hss;

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

import static dev.secgroup.gateway.support.GatewayTestSupport.CLUSTER;
import static dev.secgroup.gateway.support.GatewayTestSupport.HSS_BODY;
import static dev.secgroup.gateway.support.GatewayTestSupport.HSS_PATH;
import static dev.secgroup.gateway.support.GatewayTestSupport.PROJECT;

/**
 * One case per constraint of HSS create-security-group-policy: the HSS document's rules
 * (marked {@link RequestCase.Rule#DOCUMENT}) and the gateway's own bounds on
 * {@link CreateSecurityGroupPolicyRequest}, {@link SecurityGroup} and the path. Read by
 * {@link HssRequestValidationTest} and by the simulator's cross-check.
 */
public final class HssValidationCases {

	private static final String SG = "03b46bce-b0b7-42d3-992d-ddfb567106f0";

	private HssValidationCases() {
	}

	public static Stream<Rejection> bodyViolations() {
		List<Rejection> cases = new ArrayList<>();
		for (String name : List.of("policy_name", "workload_id", "workload_name")) {
			cases.add(body(name + " missing", hss(b -> b.remove(name)), name).byTheDocument());
			cases.add(body(name + " null", hss(b -> b.putNull(name)), name).byTheDocument());
			cases.add(body(name + " empty", hss(b -> b.put(name, "")), name).byTheDocument());
			cases.add(body(name + " blank", hss(b -> b.put(name, "   ")), name).byTheDocument());
			cases.add(body(name + " of 257 characters", hss(b -> b.put(name, "p".repeat(257))), name));
			cases.add(body(name + " with a line feed (control character)", hss(b -> b.put(name, "ywk\ntest")), name));
		}
		cases.add(body("workload_type missing", hss(b -> b.remove("workload_type")), "workload_type").byTheDocument());
		cases.add(body("workload_type null", hss(b -> b.putNull("workload_type")), "workload_type").byTheDocument());
		cases.add(body("workload_type empty", hss(b -> b.put("workload_type", "")), "workload_type").byTheDocument());
		cases
			.add(body("workload_type not in the enum (jobs)", hss(b -> b.put("workload_type", "jobs")), "workload_type")
				.byTheDocument());
		cases.add(body("workload_type singular (deployment)", hss(b -> b.put("workload_type", "deployment")),
				"workload_type")
			.byTheDocument());
		cases.add(body("workload_type in another case (Deployments)", hss(b -> b.put("workload_type", "Deployments")),
				"workload_type")
			.byTheDocument());
		cases.add(body("security_groups missing", hss(b -> b.remove("security_groups")), "security_groups")
			.byTheDocument());
		cases.add(body("security_groups null", hss(b -> b.putNull("security_groups")), "security_groups")
			.byTheDocument());
		cases.add(body("security_groups empty", hss(b -> b.putArray("security_groups")), "security_groups")
			.byTheDocument());
		cases.add(body("security_groups with 101 entries", hss(b -> {
			ArrayNode groups = b.putArray("security_groups");
			for (int i = 0; i < 101; i++) {
				groups.addObject().put("security_group_id", "sg-" + i);
			}
		}), "security_groups"));
		cases.add(body("security_groups with a null entry", hss(b -> b.putArray("security_groups").addNull()),
				"security_groups[0]")
			.byTheDocument());
		String id = "security_groups[0].security_group_id";
		cases.add(body("security_group_id missing", group(g -> g.remove("security_group_id")), id).byTheDocument());
		cases.add(body("security_group_id null", group(g -> g.putNull("security_group_id")), id).byTheDocument());
		cases.add(body("security_group_id empty", group(g -> g.put("security_group_id", "")), id).byTheDocument());
		cases.add(body("security_group_id of 65 characters", group(g -> g.put("security_group_id", "a".repeat(65))), id)
			.byTheDocument());
		cases.add(body("security_group_id with a space", group(g -> g.put("security_group_id", "sg 1")), id)
			.byTheDocument());
		cases.add(body("security_group_id with a dot", group(g -> g.put("security_group_id", "sg.1")), id)
			.byTheDocument());
		cases.add(body("security_group_id with a slash", group(g -> g.put("security_group_id", "../sg")), id)
			.byTheDocument());
		cases.add(body("security_group_id with Chinese characters", group(g -> g.put("security_group_id", "安全组")), id)
			.byTheDocument());
		cases.add(body("security_group_id invalid in the second entry",
				hss(b -> ((ArrayNode) b.get("security_groups")).addObject().put("security_group_id", "sg 2")),
				"security_groups[1].security_group_id")
			.byTheDocument());
		String name = "security_groups[0].security_group_name";
		cases
			.add(body("security_group_name empty", group(g -> g.put("security_group_name", "")), name).byTheDocument());
		cases.add(body("security_group_name of 65 characters", group(g -> g.put("security_group_name", "n".repeat(65))),
				name)
			.byTheDocument());
		cases.add(body("security_group_name with a space", group(g -> g.put("security_group_name", "sg name")), name)
			.byTheDocument());
		cases.add(body("security_group_name with Chinese characters", group(g -> g.put("security_group_name", "安全组")),
				name)
			.byTheDocument());
		cases.add(
				body("security_group_name with an HTML tag", group(g -> g.put("security_group_name", "<b>x</b>")), name)
					.byTheDocument());
		String description = "security_groups[0].security_group_description";
		cases.add(body("security_group_description of 257 characters",
				group(g -> g.put("security_group_description", "d".repeat(257))), description)
			.byTheDocument());
		cases.add(body("security_group_description of 257 Chinese characters",
				group(g -> g.put("security_group_description", "中".repeat(257))), description)
			.byTheDocument());
		cases.add(body("security_group_description with an HTML tag",
				group(g -> g.put("security_group_description", "<b>x</b>")), description)
			.byTheDocument());
		cases.add(body("security_group_description with CRLF",
				group(g -> g.put("security_group_description", "line one\r\nline two")), description));
		cases.add(body("security_group_description with a tab", group(g -> g.put("security_group_description", "a\tb")),
				description));
		return cases.stream();
	}

	/** Members of the documented types only: a value of another JSON type is refused. */
	public static Stream<Rejection> bodiesOfTheWrongJsonTypes() {
		return Stream.of(
				body("policy_name as a number", hss(b -> b.put("policy_name", 123)), "policy_name").byTheDocument(),
				body("policy_name as a boolean", hss(b -> b.put("policy_name", true)), "policy_name").byTheDocument(),
				body("policy_name as an object", hss(b -> b.putObject("policy_name")), "policy_name").byTheDocument(),
				body("workload_type as an array", hss(b -> b.putArray("workload_type").add("deployments")),
						"workload_type")
					.byTheDocument(),
				body("security_groups as a string", hss(b -> b.put("security_groups", "x")), "security_groups")
					.byTheDocument(),
				body("security_groups with a string entry", hss(b -> b.putArray("security_groups").add(SG)),
						"security_groups[0]")
					.byTheDocument(),
				body("security_group_id as a number", group(g -> g.put("security_group_id", 1)),
						"security_groups[0].security_group_id")
					.byTheDocument(),
				body("unknown top-level member", hss(b -> b.put("cluster_id", "c")), "cluster_id"),
				body("unknown member inside a security group", group(g -> g.put("vpc_id", "v")),
						"security_groups[0].vpc_id"),
				body("duplicate top-level member",
						"{\"policy_name\":\"a\",\"policy_name\":\"b\","
								+ HSS_BODY.substring(HSS_BODY.indexOf("\"workload_id\"")),
						"policy_name"),
				body("duplicate member inside a security group",
						group(g -> g.put("security_group_id", "sg-1")).replace("\"security_group_id\":\"sg-1\"",
								"\"security_group_id\":\"sg-1\",\"security_group_id\":\"sg-2\""),
						"security_groups[0].security_group_id"));
	}

	public static Stream<Rejection> invalidPathAndQueryValues() {
		return Stream.of(
				at("project_id of 257 characters", path("p".repeat(257), CLUSTER, "monitoring"), "project_id")
					.byTheDocument(),
				at("cluster_id with a dot", path(PROJECT, "c.1", "monitoring"), "cluster_id"),
				at("cluster_id with an encoded slash", path(PROJECT, "c%2F1", "monitoring"), "cluster_id"),
				at("cluster_id of 65 characters", path(PROJECT, "c".repeat(65), "monitoring"), "cluster_id"),
				at("namespace with upper case (Monitoring)", path(PROJECT, CLUSTER, "Monitoring"), "namespace"),
				at("namespace starting with '-'", path(PROJECT, CLUSTER, "-bad"), "namespace"),
				at("namespace ending with '-'", path(PROJECT, CLUSTER, "bad-"), "namespace"),
				at("namespace with '_'", path(PROJECT, CLUSTER, "kube_system"), "namespace"),
				at("namespace of 64 characters", path(PROJECT, CLUSTER, "n".repeat(64)), "namespace"),
				at("enterprise_project_id with a dot", HSS_PATH + "?enterprise_project_id=a.b",
						"enterprise_project_id"),
				at("enterprise_project_id with an encoded space", HSS_PATH + "?enterprise_project_id=a%20b",
						"enterprise_project_id"),
				at("enterprise_project_id of 257 characters", HSS_PATH + "?enterprise_project_id=" + "e".repeat(257),
						"enterprise_project_id")
					.byTheDocument(),
				at("enterprise_project_id empty", HSS_PATH + "?enterprise_project_id=", "enterprise_project_id")
					.byTheDocument(),
				at("enterprise_project_id given twice", HSS_PATH + "?enterprise_project_id=a&enterprise_project_id=b",
						"enterprise_project_id"));
	}

	/** Valid minimal requests and valid boundary values: the matrix is not vacuous. */
	public static Stream<Accepted> validRequests() {
		String chineseDescription = "Web 服务器安全组：允许 HTTP(S) 访问，禁止 SSH。用途、权限范围（生产环境）";
		return Stream.of(ok("minimal body (required members only)", HSS_PATH,
				"{\"policy_name\":\"p\",\"workload_id\":\"w\",\"workload_name\":\"n\",\"workload_type\":\"statefulsets\","
						+ "\"security_groups\":[{\"security_group_id\":\"s\"}]}"),
				ok("security_group_id and security_group_name of exactly 64 characters", HSS_PATH, group(
						g -> g.put("security_group_id", "i".repeat(64)).put("security_group_name", "n".repeat(64)))),
				ok("description of exactly 256 characters with Chinese and punctuation", HSS_PATH,
						group(g -> g.put("security_group_description",
								chineseDescription + "x".repeat(256 - chineseDescription.length())))),
				ok("description of 256 Chinese characters (768 bytes)", HSS_PATH,
						group(g -> g.put("security_group_description", "中".repeat(256)))),
				ok("empty description", HSS_PATH, group(g -> g.put("security_group_description", ""))),
				ok("names of 256 characters, Chinese allowed", HSS_PATH,
						hss(b -> b.put("policy_name", "策略".repeat(128)).put("workload_name", "w".repeat(256)))),
				ok("workload_type daemonsets", HSS_PATH, hss(b -> b.put("workload_type", "daemonsets"))),
				ok("namespace of 63 characters", path(PROJECT, CLUSTER, "n".repeat(62) + "1"), HSS_BODY),
				ok("namespace of one character", path(PROJECT, CLUSTER, "a"), HSS_BODY),
				ok("enterprise_project_id all_granted_eps", HSS_PATH + "?enterprise_project_id=all_granted_eps",
						HSS_BODY),
				ok("enterprise_project_id of 256 characters", HSS_PATH + "?enterprise_project_id=" + "e".repeat(256),
						HSS_BODY),
				ok("body of exactly 64 KiB (whitespace padded)", HSS_PATH,
						RequestCase.padded(HSS_BODY, RequestCase.BODY_LIMIT)));
	}

	/** Every violation of one request at once: path, query and body. */
	public static Rejection severalViolations() {
		String body = hss(b -> {
			b.put("policy_name", "");
			b.put("workload_type", "jobs");
			((ObjectNode) b.get("security_groups").get(0)).put("security_group_id", "sg 1");
		});
		return new Rejection("several violations",
				new Call("POST", path(PROJECT, "c.1", "Monitoring") + "?enterprise_project_id=a.b", RequestCase.JSON,
						body),
				400, ErrorCodes.VALIDATION, List.of("cluster_id", "namespace", "enterprise_project_id", "policy_name",
						"workload_type", "security_groups[0].security_group_id"),
				RequestCase.Rule.GATEWAY);
	}

	public static String path(String project, String cluster, String namespace) {
		return "/v5/" + project + "/container-network/" + cluster + "/" + namespace + "/security-group-policy";
	}

	/** {@link GatewayTestSupport#HSS_BODY} changed by {@code change}. */
	public static String hss(Consumer<ObjectNode> change) {
		return RequestCase.changed(HSS_BODY, change);
	}

	private static String group(Consumer<ObjectNode> change) {
		return hss(body -> change.accept((ObjectNode) body.get("security_groups").get(0)));
	}

	private static Rejection body(String name, String body, String field) {
		return new Rejection("HSS: " + name, new Call("POST", HSS_PATH, RequestCase.JSON, body), 400,
				ErrorCodes.VALIDATION, List.of(field), RequestCase.Rule.GATEWAY);
	}

	private static Rejection at(String name, String path, String field) {
		return new Rejection("HSS: " + name, new Call("POST", path, RequestCase.JSON, HSS_BODY), 400,
				ErrorCodes.VALIDATION, List.of(field), RequestCase.Rule.GATEWAY);
	}

	private static Accepted ok(String name, String path, String body) {
		return new Accepted(name, "POST", path, body, "hss");
	}

}
