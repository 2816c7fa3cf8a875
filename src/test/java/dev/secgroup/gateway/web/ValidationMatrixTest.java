package dev.secgroup.gateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.secgroup.gateway.support.GatewayTestSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per documented constraint of both mirrored operations (the seed documents plus
 * the gateway's own bounds in {@link PathRules} and on the request records): each invalid
 * request is answered with problem+json naming the bad member in the caller's JSON terms,
 * and never reaches upstream. Valid minimal requests and valid boundary values do reach
 * upstream, so the matrix is not vacuous.
 */
class ValidationMatrixTest extends GatewayTestSupport {

	private static final String JSON = "application/json";

	private static final String SG = "03b46bce-b0b7-42d3-992d-ddfb567106f0";

	private static final int LIMIT = 64 * 1024;

	/** HTTP/1.1 only, so that a body of unknown length goes out chunked. */
	private static final HttpClient http11 = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	// ---------------------------------------------------------------- rejected: body
	// members

	static Stream<Rejection> hssBodyViolations() {
		List<Rejection> cases = new ArrayList<>();
		for (String name : List.of("policy_name", "workload_id", "workload_name")) {
			cases.add(hssBody(name + " missing", hss(b -> b.remove(name)), name));
			cases.add(hssBody(name + " null", hss(b -> b.putNull(name)), name));
			cases.add(hssBody(name + " empty", hss(b -> b.put(name, "")), name));
			cases.add(hssBody(name + " blank", hss(b -> b.put(name, "   ")), name));
			cases.add(hssBody(name + " of 257 characters", hss(b -> b.put(name, "p".repeat(257))), name));
			cases
				.add(hssBody(name + " with a line feed (control character)", hss(b -> b.put(name, "ywk\ntest")), name));
		}
		cases.add(hssBody("workload_type missing", hss(b -> b.remove("workload_type")), "workload_type"));
		cases.add(hssBody("workload_type null", hss(b -> b.putNull("workload_type")), "workload_type"));
		cases.add(hssBody("workload_type empty", hss(b -> b.put("workload_type", "")), "workload_type"));
		cases.add(hssBody("workload_type not in the enum (jobs)", hss(b -> b.put("workload_type", "jobs")),
				"workload_type"));
		cases.add(hssBody("workload_type singular (deployment)", hss(b -> b.put("workload_type", "deployment")),
				"workload_type"));
		cases.add(hssBody("workload_type in another case (Deployments)",
				hss(b -> b.put("workload_type", "Deployments")), "workload_type"));
		cases.add(hssBody("security_groups missing", hss(b -> b.remove("security_groups")), "security_groups"));
		cases.add(hssBody("security_groups null", hss(b -> b.putNull("security_groups")), "security_groups"));
		cases.add(hssBody("security_groups empty", hss(b -> b.putArray("security_groups")), "security_groups"));
		cases.add(hssBody("security_groups with 101 entries", hss(b -> {
			ArrayNode groups = b.putArray("security_groups");
			for (int i = 0; i < 101; i++) {
				groups.addObject().put("security_group_id", "sg-" + i);
			}
		}), "security_groups"));
		cases.add(hssBody("security_groups with a null entry", hss(b -> b.putArray("security_groups").addNull()),
				"security_groups[0]"));
		String id = "security_groups[0].security_group_id";
		cases.add(hssBody("security_group_id missing", hssGroup(g -> g.remove("security_group_id")), id));
		cases.add(hssBody("security_group_id null", hssGroup(g -> g.putNull("security_group_id")), id));
		cases.add(hssBody("security_group_id empty", hssGroup(g -> g.put("security_group_id", "")), id));
		cases.add(hssBody("security_group_id of 65 characters",
				hssGroup(g -> g.put("security_group_id", "a".repeat(65))), id));
		cases.add(hssBody("security_group_id with a space", hssGroup(g -> g.put("security_group_id", "sg 1")), id));
		cases.add(hssBody("security_group_id with a dot", hssGroup(g -> g.put("security_group_id", "sg.1")), id));
		cases.add(hssBody("security_group_id with a slash", hssGroup(g -> g.put("security_group_id", "../sg")), id));
		cases.add(hssBody("security_group_id with Chinese characters", hssGroup(g -> g.put("security_group_id", "安全组")),
				id));
		cases.add(hssBody("security_group_id invalid in the second entry",
				hss(b -> ((ArrayNode) b.get("security_groups")).addObject().put("security_group_id", "sg 2")),
				"security_groups[1].security_group_id"));
		String name = "security_groups[0].security_group_name";
		cases.add(hssBody("security_group_name empty", hssGroup(g -> g.put("security_group_name", "")), name));
		cases.add(hssBody("security_group_name of 65 characters",
				hssGroup(g -> g.put("security_group_name", "n".repeat(65))), name));
		cases.add(hssBody("security_group_name with a space", hssGroup(g -> g.put("security_group_name", "sg name")),
				name));
		cases.add(hssBody("security_group_name with Chinese characters",
				hssGroup(g -> g.put("security_group_name", "安全组")), name));
		cases.add(hssBody("security_group_name with an HTML tag",
				hssGroup(g -> g.put("security_group_name", "<b>x</b>")), name));
		String description = "security_groups[0].security_group_description";
		cases.add(hssBody("security_group_description of 257 characters",
				hssGroup(g -> g.put("security_group_description", "d".repeat(257))), description));
		cases.add(hssBody("security_group_description of 257 Chinese characters",
				hssGroup(g -> g.put("security_group_description", "中".repeat(257))), description));
		cases.add(hssBody("security_group_description with an HTML tag",
				hssGroup(g -> g.put("security_group_description", "<b>x</b>")), description));
		cases.add(hssBody("security_group_description with CRLF",
				hssGroup(g -> g.put("security_group_description", "line one\r\nline two")), description));
		cases.add(hssBody("security_group_description with a tab",
				hssGroup(g -> g.put("security_group_description", "a\tb")), description));
		return cases.stream();
	}

	static Stream<Rejection> vpcBodyViolations() {
		List<Rejection> cases = new ArrayList<>();
		cases.add(vpcBody("port missing", "{}", "port"));
		cases.add(vpcBody("port missing, only dry_run", "{\"dry_run\":true}", "port"));
		cases.add(vpcBody("port null", "{\"port\":null}", "port"));
		cases.add(vpcBody("port.security_groups missing", vpcPort(p -> p.remove("security_groups")),
				"port.security_groups"));
		cases.add(vpcBody("port.security_groups null", vpcPort(p -> p.putNull("security_groups")),
				"port.security_groups"));
		cases.add(vpcBody("port.security_groups empty", vpcPort(p -> p.putArray("security_groups")),
				"port.security_groups"));
		cases.add(vpcBody("port.security_groups with 101 ids", vpcPort(p -> {
			ArrayNode groups = p.putArray("security_groups");
			for (int i = 0; i < 101; i++) {
				groups.add("sg-" + i);
			}
		}), "port.security_groups"));
		cases.add(vpcBody("port.security_groups with a null id", vpcPort(p -> p.putArray("security_groups").addNull()),
				"port.security_groups[0]"));
		cases.add(vpcBody("port.security_groups with an empty id", vpcPort(p -> p.putArray("security_groups").add("")),
				"port.security_groups[0]"));
		cases.add(vpcBody("port.security_groups with an id of 65 characters",
				vpcPort(p -> p.putArray("security_groups").add("a".repeat(65))), "port.security_groups[0]"));
		cases.add(vpcBody("port.security_groups with an id containing a space",
				vpcPort(p -> p.putArray("security_groups").add("sg 1")), "port.security_groups[0]"));
		cases.add(vpcBody("port.security_groups with a bad second id",
				vpcPort(p -> p.putArray("security_groups").add(SG).add("../x")), "port.security_groups[1]"));
		cases.add(vpcBody("port.index -1", vpcPort(p -> p.put("index", -1)), "port.index"));
		cases.add(vpcBody("dry_run \"yes\"", vpc(b -> b.put("dry_run", "yes")), "dry_run"));
		cases.add(vpcBody("dry_run \"true\" as a string", vpc(b -> b.put("dry_run", "true")), "dry_run"));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hssBodyViolations")
	void hssBodyViolatingTheContractIsRejectedNamingTheMember(Rejection rejection) {
		assertRejected(rejection);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vpcBodyViolations")
	void vpcBodyViolatingTheContractIsRejectedNamingTheMember(Rejection rejection) {
		assertRejected(rejection);
	}

	// ---------------------------------------------------------------- rejected: not the
	// documented JSON

	static Stream<Rejection> bodiesThatAreNotTheDocumentedJson() {
		return Stream.of(vpcBody("index as a string \"1\"", vpcPort(p -> p.put("index", "1")), "port.index"),
				vpcBody("index as a fraction 1.5", vpcPort(p -> p.put("index", 1.5)), "port.index"),
				vpcBody("index as a boolean", vpcPort(p -> p.put("index", true)), "port.index"),
				vpcBody("index beyond a 32-bit integer", vpcPort(p -> p.put("index", 2147483648L)), "port.index"),
				vpcBody("security_groups as a string", vpcPort(p -> p.put("security_groups", "x")),
						"port.security_groups"),
				vpcBody("security_groups as an object", vpcPort(p -> p.putObject("security_groups")),
						"port.security_groups"),
				vpcBody("security_groups with a number", vpcPort(p -> p.putArray("security_groups").add(1)),
						"port.security_groups[0]"),
				vpcBody("port as a string", "{\"port\":\"x\"}", "port"),
				vpcBody("port as an array", "{\"port\":[]}", "port"),
				vpcBody("dry_run as 1", vpc(b -> b.put("dry_run", 1)), "dry_run"),
				vpcBody("unknown top-level member", vpc(b -> b.put("force", true)), "force"),
				vpcBody("unknown member inside port", vpcPort(p -> p.put("fixed_ips", "x")), "port.fixed_ips"),
				vpcBody("duplicate top-level member",
						"{\"port\":{\"security_groups\":[\"a\"]},\"port\":{\"security_groups\":[\"b\"]}}", "port"),
				vpcBody("duplicate member inside port",
						"{\"port\":{\"security_groups\":[\"a\"],\"index\":0,\"index\":1}}", "port.index"),
				vpcBody("malformed JSON", "{\"port\":{\"security_groups\":[\"a\"]", "body"),
				vpcBody("trailing comma", "{\"port\":{\"security_groups\":[\"a\"],}}", "body"),
				vpcBody("unescaped line feed in a string", "{\"port\":{\"security_groups\":[\"a\nb\"]}}", "body"),
				vpcBody("empty body", "", "body"), vpcBody("JSON null as the body", "null", "body"),
				vpcBody("JSON array as the body", "[]", "body"), vpcBody("JSON string as the body", "\"port\"", "body"),
				hssBody("policy_name as a number", hss(b -> b.put("policy_name", 123)), "policy_name"),
				hssBody("policy_name as a boolean", hss(b -> b.put("policy_name", true)), "policy_name"),
				hssBody("policy_name as an object", hss(b -> b.putObject("policy_name")), "policy_name"),
				hssBody("workload_type as an array", hss(b -> b.putArray("workload_type").add("deployments")),
						"workload_type"),
				hssBody("security_groups as a string", hss(b -> b.put("security_groups", "x")), "security_groups"),
				hssBody("security_groups with a string entry", hss(b -> b.putArray("security_groups").add(SG)),
						"security_groups[0]"),
				hssBody("security_group_id as a number", hssGroup(g -> g.put("security_group_id", 1)),
						"security_groups[0].security_group_id"),
				hssBody("unknown top-level member", hss(b -> b.put("cluster_id", "c")), "cluster_id"),
				hssBody("unknown member inside a security group", hssGroup(g -> g.put("vpc_id", "v")),
						"security_groups[0].vpc_id"),
				hssBody("duplicate top-level member",
						"{\"policy_name\":\"a\",\"policy_name\":\"b\","
								+ HSS_BODY.substring(HSS_BODY.indexOf("\"workload_id\"")),
						"policy_name"),
				hssBody("duplicate member inside a security group",
						hssGroup(g -> g.put("security_group_id", "sg-1")).replace("\"security_group_id\":\"sg-1\"",
								"\"security_group_id\":\"sg-1\",\"security_group_id\":\"sg-2\""),
						"security_groups[0].security_group_id"),
				hssBody("malformed JSON", "{\"policy_name\":", "body"), hssBody("empty body", "", "body"),
				hssBody("JSON null as the body", "null", "body"),
				hssBody("JSON array as the body", "[" + HSS_BODY + "]", "body"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodiesThatAreNotTheDocumentedJson")
	void bodyThatIsNotTheDocumentedJsonIsRejectedNamingTheMember(Rejection rejection) {
		assertRejected(rejection);
	}

	// ---------------------------------------------------------------- rejected: path and
	// query values

	static Stream<Rejection> invalidPathAndQueryValues() {
		return Stream.of(vpcAt("project_id of 257 characters", vpcPath("p".repeat(257), PORT_ID), "project_id"),
				vpcAt("project_id with a dot", vpcPath("f5dab68c.d757", PORT_ID), "project_id"),
				vpcAt("port_id ..%2F..%2Fx (encoded traversal)", vpcPath(PROJECT, "..%2F..%2Fx"), "port_id"),
				vpcAt("port_id a%2Fb (encoded slash)", vpcPath(PROJECT, "a%2Fb"), "port_id"),
				vpcAt("port_id %2e%2e (encoded dot-dot)", vpcPath(PROJECT, "%2e%2e"), "port_id"),
				vpcAt("port_id a%20b (encoded space)", vpcPath(PROJECT, "a%20b"), "port_id"),
				// "//" is refused by Spring Security's firewall before routing: the URL
				// itself is named.
				vpcAt("port_id empty (double slash)", vpcPath(PROJECT, ""), "url"),
				vpcAt("port_id of 65 characters", vpcPath(PROJECT, "p".repeat(65)), "port_id"),
				hssAt("project_id of 257 characters", hssPath("p".repeat(257), CLUSTER, "monitoring"), "project_id"),
				hssAt("cluster_id with a dot", hssPath(PROJECT, "c.1", "monitoring"), "cluster_id"),
				hssAt("cluster_id with an encoded slash", hssPath(PROJECT, "c%2F1", "monitoring"), "cluster_id"),
				hssAt("cluster_id of 65 characters", hssPath(PROJECT, "c".repeat(65), "monitoring"), "cluster_id"),
				hssAt("namespace with upper case (Monitoring)", hssPath(PROJECT, CLUSTER, "Monitoring"), "namespace"),
				hssAt("namespace starting with '-'", hssPath(PROJECT, CLUSTER, "-bad"), "namespace"),
				hssAt("namespace ending with '-'", hssPath(PROJECT, CLUSTER, "bad-"), "namespace"),
				hssAt("namespace with '_'", hssPath(PROJECT, CLUSTER, "kube_system"), "namespace"),
				hssAt("namespace of 64 characters", hssPath(PROJECT, CLUSTER, "n".repeat(64)), "namespace"),
				hssAt("enterprise_project_id with a dot", HSS_PATH + "?enterprise_project_id=a.b",
						"enterprise_project_id"),
				hssAt("enterprise_project_id with an encoded space", HSS_PATH + "?enterprise_project_id=a%20b",
						"enterprise_project_id"),
				hssAt("enterprise_project_id of 257 characters", HSS_PATH + "?enterprise_project_id=" + "e".repeat(257),
						"enterprise_project_id"),
				hssAt("enterprise_project_id empty", HSS_PATH + "?enterprise_project_id=", "enterprise_project_id"),
				hssAt("enterprise_project_id given twice",
						HSS_PATH + "?enterprise_project_id=a&enterprise_project_id=b", "enterprise_project_id"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPathAndQueryValues")
	void invalidPathOrQueryValueIsRejectedNamingTheParameter(Rejection rejection) {
		assertRejected(rejection);
	}

	@Test
	void everyInvalidMemberOfOneRequestIsReportedAtOnce() {
		String body = hss(b -> {
			b.put("policy_name", "");
			b.put("workload_type", "jobs");
			((ObjectNode) b.get("security_groups").get(0)).put("security_group_id", "sg 1");
		});

		assertRejected(new Rejection("several violations",
				new Call("POST", hssPath(PROJECT, "c.1", "Monitoring") + "?enterprise_project_id=a.b", JSON, body), 400,
				ErrorCodes.VALIDATION, List.of("cluster_id", "namespace", "enterprise_project_id", "policy_name",
						"workload_type", "security_groups[0].security_group_id")));
	}

	// ---------------------------------------------------------------- rejected: media
	// type, size, routing

	static Stream<Rejection> refusedBeforeValidation() {
		return Stream.of(
				refused("VPC: text/plain body", new Call("PUT", VPC_PATH, "text/plain", VPC_BODY), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("VPC: application/xml body", new Call("PUT", VPC_PATH, "application/xml", "<port/>"), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("VPC: no Content-Type", new Call("PUT", VPC_PATH, null, VPC_BODY), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("HSS: text/plain body", new Call("POST", HSS_PATH, "text/plain", HSS_BODY), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("HSS: form body",
						new Call("POST", HSS_PATH, "application/x-www-form-urlencoded", "policy_name=x"), 415,
						ErrorCodes.UNSUPPORTED_MEDIA_TYPE),
				refused("VPC: unknown operation",
						new Call("PUT", "/v3/" + PROJECT + "/ports/" + PORT_ID + "/remove-security-groups", JSON,
								VPC_BODY),
						404, ErrorCodes.NOT_FOUND),
				refused("HSS: unknown operation", new Call("POST", HSS_PATH + "s", JSON, HSS_BODY), 404,
						ErrorCodes.NOT_FOUND),
				refused("unknown API version", new Call("PUT", VPC_PATH.replace("/v3/", "/v2/"), JSON, VPC_BODY), 404,
						ErrorCodes.NOT_FOUND),
				refused("VPC: body of 64 KiB + 1 byte with Content-Length",
						new Call("PUT", VPC_PATH, JSON, padded(VPC_BODY, LIMIT + 1)), 413,
						ErrorCodes.PAYLOAD_TOO_LARGE),
				refused("HSS: body of 64 KiB + 1 byte with Content-Length",
						new Call("POST", HSS_PATH, JSON, padded(HSS_BODY, LIMIT + 1)), 413,
						ErrorCodes.PAYLOAD_TOO_LARGE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedBeforeValidation")
	void requestTheGatewayCannotTakeIsRefusedWithProblem(Rejection rejection) {
		assertRejected(rejection);
	}

	static Stream<Object[]> wrongMethods() {
		return Stream.of(new Object[] { "GET", VPC_PATH, "PUT" }, new Object[] { "POST", VPC_PATH, "PUT" },
				new Object[] { "DELETE", VPC_PATH, "PUT" }, new Object[] { "GET", HSS_PATH, "POST" },
				new Object[] { "PUT", HSS_PATH, "POST" });
	}

	@ParameterizedTest(name = "{0} {1} -> 405, Allow: {2}")
	@MethodSource("wrongMethods")
	void wrongMethodAnswers405WithAllow(String method, String path, String allowed) {
		HttpResponse<String> response = send(method, path, JSON, method.equals("GET") ? null : "{}");

		assertNothingSentUpstream();
		assertProblem(response, 405, ErrorCodes.METHOD_NOT_ALLOWED);
		assertThat(response.headers().allValues("Allow")).isNotEmpty();
		assertThat(String.join(",", response.headers().allValues("Allow"))).contains(allowed);
	}

	static Stream<Object[]> oversizedBodies() {
		// Well-formed JSON up to the limit: only the size can stop it, and only while
		// reading.
		String huge = "x".repeat(LIMIT + 4096);
		return Stream.of(new Object[] { "VPC", "PUT", VPC_PATH, vpcPort(p -> p.putArray("security_groups").add(huge)) },
				new Object[] { "HSS", "POST", HSS_PATH, hss(b -> b.put("policy_name", huge)) });
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oversizedBodies")
	void chunkedBodyOver64KiBIsRefusedWith413WhileReading(String name, String method, String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", JSON)
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("unknown length: sent chunked")
			.isNegative();

		HttpResponse<String> response = exchange(request);

		assertNothingSentUpstream();
		JsonNode problem = assertProblem(response, 413, ErrorCodes.PAYLOAD_TOO_LARGE);
		assertThat(problem.has("violations")).isFalse();
	}

	@Test
	void nulByteInPathIsRefusedByTomcatWithoutReachingUpstream() {
		HttpResponse<String> response = put(vpcPath(PROJECT, "%00"), VPC_BODY);

		assertNothingSentUpstream();
		assertThat(response.statusCode()).isEqualTo(400);
		// Tomcat refuses the URI before any filter or servlet runs, so the gateway never
		// sees it:
		// the answer is the container's own minimal page, not problem+json, and has no
		// X-Request-Id.
		assertThat(response.body()).doesNotContain("Exception", "Apache Tomcat/");
	}

	// ---------------------------------------------------------------- accepted: the
	// matrix is not vacuous

	static Stream<Accepted> validRequests() {
		String chineseDescription = "Web 服务器安全组：允许 HTTP(S) 访问，禁止 SSH。用途、权限范围（生产环境）";
		return Stream.of(
				vpcOk("minimal body (security_groups only)", VPC_PATH,
						"{\"port\":{\"security_groups\":[\"" + SG + "\"]}}"),
				vpcOk("security group id of exactly 64 characters", VPC_PATH,
						vpcPort(p -> p.putArray("security_groups").add("a".repeat(64)))),
				vpcOk("index 0", VPC_PATH, vpcPort(p -> p.put("index", 0))),
				vpcOk("100 security groups", VPC_PATH, vpcPort(p -> {
					ArrayNode groups = p.putArray("security_groups");
					for (int i = 0; i < 100; i++) {
						groups.add("sg-" + i);
					}
				})), vpcOk("dry_run false", VPC_PATH, vpc(b -> b.put("dry_run", false))),
				vpcOk("project_id of 256 characters and port_id of 64", vpcPath("p".repeat(256), "P".repeat(64)),
						VPC_BODY),
				hssOk("minimal body (required members only)", HSS_PATH,
						"{\"policy_name\":\"p\",\"workload_id\":\"w\",\"workload_name\":\"n\",\"workload_type\":\"statefulsets\","
								+ "\"security_groups\":[{\"security_group_id\":\"s\"}]}"),
				hssOk("security_group_id and security_group_name of exactly 64 characters", HSS_PATH, hssGroup(
						g -> g.put("security_group_id", "i".repeat(64)).put("security_group_name", "n".repeat(64)))),
				hssOk("description of exactly 256 characters with Chinese and punctuation", HSS_PATH,
						hssGroup(g -> g.put("security_group_description",
								chineseDescription + "x".repeat(256 - chineseDescription.length())))),
				hssOk("description of 256 Chinese characters (768 bytes)", HSS_PATH,
						hssGroup(g -> g.put("security_group_description", "中".repeat(256)))),
				hssOk("empty description", HSS_PATH, hssGroup(g -> g.put("security_group_description", ""))),
				hssOk("names of 256 characters, Chinese allowed", HSS_PATH,
						hss(b -> b.put("policy_name", "策略".repeat(128)).put("workload_name", "w".repeat(256)))),
				hssOk("workload_type daemonsets", HSS_PATH, hss(b -> b.put("workload_type", "daemonsets"))),
				hssOk("namespace of 63 characters", hssPath(PROJECT, CLUSTER, "n".repeat(62) + "1"), HSS_BODY),
				hssOk("namespace of one character", hssPath(PROJECT, CLUSTER, "a"), HSS_BODY),
				hssOk("enterprise_project_id all_granted_eps", HSS_PATH + "?enterprise_project_id=all_granted_eps",
						HSS_BODY),
				hssOk("enterprise_project_id of 256 characters", HSS_PATH + "?enterprise_project_id=" + "e".repeat(256),
						HSS_BODY),
				hssOk("body of exactly 64 KiB (whitespace padded)", HSS_PATH, padded(HSS_BODY, LIMIT)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validRequests")
	void validRequestReachesUpstreamUnchanged(Accepted accepted) {
		upstream.stubFor(any(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody("{\"request_id\":\"up-1\"}")));

		HttpResponse<String> response = send(accepted.method(), accepted.path(), JSON, accepted.body());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		upstream.verify(1, anyRequestedFor(urlEqualTo(accepted.upstreamPrefix() + accepted.path()))
			.withRequestBody(equalToJson(accepted.body().strip())));
		assertThat(upstream.getAllServeEvents()).hasSize(1);
	}

	// ---------------------------------------------------------------- assertions

	private void assertRejected(Rejection rejection) {
		Call call = rejection.call();
		HttpResponse<String> response = send(call.method(), call.path(), call.contentType(), call.body());

		assertNothingSentUpstream();
		JsonNode problem = assertProblem(response, rejection.status(), rejection.errorCode());
		if (rejection.status() != 400) {
			assertThat(problem.has("violations")).isFalse();
			return;
		}
		List<String> fields = new ArrayList<>();
		for (JsonNode violation : problem.path("violations").values()) {
			fields.add(violation.path("field").asString());
			assertThat(violation.path("message").asString()).isNotBlank();
		}
		assertThat(fields).as(response.body()).containsExactlyInAnyOrderElementsOf(rejection.fields());
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String errorCode) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		JsonNode problem = parse(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("error_code").asString()).isEqualTo(errorCode);
		assertThat(problem.path("error_msg").asString()).isNotBlank();
		assertThat(problem.path("request_id").asString()).isEqualTo(requestId);
		assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "java.", "\tat ");
		return problem;
	}

	private static void assertNothingSentUpstream() {
		upstream.verify(0, anyRequestedFor(anyUrl()));
		assertThat(upstream.getAllServeEvents()).isEmpty();
	}

	private static HttpResponse<String> exchange(HttpRequest request) {
		try {
			return http11.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// ---------------------------------------------------------------- case builders

	record Call(String method, String path, String contentType, String body) {
	}

	record Rejection(String name, Call call, int status, String errorCode, List<String> fields) {

		@Override
		public String toString() {
			return name + (fields.isEmpty() ? " -> " + status : " -> " + status + " " + String.join(", ", fields));
		}

	}

	record Accepted(String name, String method, String path, String body, String upstreamPrefix) {

		@Override
		public String toString() {
			return upstreamPrefix.substring(1).toUpperCase(java.util.Locale.ROOT) + ": " + name;
		}

	}

	private static Rejection vpcBody(String name, String body, String field) {
		return new Rejection("VPC: " + name, new Call("PUT", VPC_PATH, JSON, body), 400, ErrorCodes.VALIDATION,
				List.of(field));
	}

	private static Rejection hssBody(String name, String body, String field) {
		return new Rejection("HSS: " + name, new Call("POST", HSS_PATH, JSON, body), 400, ErrorCodes.VALIDATION,
				List.of(field));
	}

	private static Rejection vpcAt(String name, String path, String field) {
		return new Rejection("VPC: " + name, new Call("PUT", path, JSON, VPC_BODY), 400, ErrorCodes.VALIDATION,
				List.of(field));
	}

	private static Rejection hssAt(String name, String path, String field) {
		return new Rejection("HSS: " + name, new Call("POST", path, JSON, HSS_BODY), 400, ErrorCodes.VALIDATION,
				List.of(field));
	}

	private static Rejection refused(String name, Call call, int status, String errorCode) {
		return new Rejection(name, call, status, errorCode, List.of());
	}

	private static Accepted vpcOk(String name, String path, String body) {
		return new Accepted(name, "PUT", path, body, "/vpc");
	}

	private static Accepted hssOk(String name, String path, String body) {
		return new Accepted(name, "POST", path, body, "/hss");
	}

	private static String vpcPath(String project, String portId) {
		return "/v3/" + project + "/ports/" + portId + "/insert-security-groups";
	}

	private static String hssPath(String project, String cluster, String namespace) {
		return "/v5/" + project + "/container-network/" + cluster + "/" + namespace + "/security-group-policy";
	}

	private static String hss(Consumer<ObjectNode> change) {
		return changed(HSS_BODY, change);
	}

	private static String hssGroup(Consumer<ObjectNode> change) {
		return hss(body -> change.accept((ObjectNode) body.get("security_groups").get(0)));
	}

	private static String vpc(Consumer<ObjectNode> change) {
		return changed(VPC_BODY, change);
	}

	private static String vpcPort(Consumer<ObjectNode> change) {
		return vpc(body -> change.accept((ObjectNode) body.get("port")));
	}

	private static String changed(String body, Consumer<ObjectNode> change) {
		ObjectNode node = (ObjectNode) json.readTree(body);
		change.accept(node);
		return json.writeValueAsString(node);
	}

	/**
	 * The body followed by spaces up to exactly {@code bytes} bytes: still the same JSON
	 * value.
	 */
	private static String padded(String body, int bytes) {
		return body + " ".repeat(bytes - body.getBytes(StandardCharsets.UTF_8).length);
	}

}
