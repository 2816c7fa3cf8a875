package dev.secgroup.gateway.support;

import java.net.http.HttpResponse;

import org.springframework.test.context.TestPropertySource;

/**
 * A running gateway in {@code api-key} mode with three clients (one shared context for
 * every class extending this):
 * <ul>
 * <li>{@code team-a}: {@code vpc:AddSecurityGroups} on {@link #PROJECT} only; its key is
 * rotating, so {@link #KEY_A_PREVIOUS} is still accepted too;</li>
 * <li>{@code team-b}: both operations on every project ({@code *});</li>
 * <li>{@code team-c}: known, granted nothing.</li>
 * </ul>
 * The management port's protected endpoints take {@link #MANAGEMENT_KEY}. Keys are
 * configured as SHA-256 hashes only; the plaintext keys live here, in the test.
 */
@TestPropertySource(properties = { "gateway.security.mode=api-key",
		"gateway.security.allow-unauthenticated-outside-local=false", "gateway.security.clients[0].name=team-a",
		"gateway.security.clients[0].api-key-sha256=" + SecuredGatewayTestSupport.KEY_A_SHA256,
		"gateway.security.clients[0].previous-api-key-sha256=" + SecuredGatewayTestSupport.KEY_A_PREVIOUS_SHA256,
		"gateway.security.clients[0].projects[0]=" + GatewayTestSupport.PROJECT,
		"gateway.security.clients[0].operations[0]=vpc:AddSecurityGroups", "gateway.security.clients[1].name=team-b",
		"gateway.security.clients[1].api-key-sha256=" + SecuredGatewayTestSupport.KEY_B_SHA256,
		"gateway.security.clients[1].projects[0]=*", "gateway.security.clients[1].operations[0]=vpc:AddSecurityGroups",
		"gateway.security.clients[1].operations[1]=hss:CreateSecurityGroupPolicy",
		"gateway.security.clients[2].name=team-c",
		"gateway.security.clients[2].api-key-sha256=" + SecuredGatewayTestSupport.KEY_C_SHA256,
		"gateway.security.management.api-key-sha256=" + SecuredGatewayTestSupport.MANAGEMENT_KEY_SHA256 })
public abstract class SecuredGatewayTestSupport extends GatewayTestSupport {

	public static final String KEY_A = "team-a-key-7Qm2x9Lp4Rv8Tz1W";

	public static final String KEY_A_SHA256 = "d4ec9805767a0d8ba42cafe96c15085bc4196e35e3e759df4d33bc816247a867";

	public static final String KEY_A_PREVIOUS = "team-a-old-key-R2d7Fk9Qs4Vn1Xw6";

	public static final String KEY_A_PREVIOUS_SHA256 = "fd391264834482ab71662a57de9b689d0bd931363fa2a6a004c843e585f93c01";

	public static final String KEY_B = "team-b-key-K3s8Hd2Nf6Jw9Pq4";

	public static final String KEY_B_SHA256 = "3671ed841e22e12d525da631252c6ea369722f788cf723f242c908341d9e2faf";

	public static final String KEY_C = "team-c-key-Y5t1Gb7Mc3Vx8Ze2";

	public static final String KEY_C_SHA256 = "8d171da5cdcc9c5b81e788e01f81854d6840c384ce92d4d156d2811364c17aee";

	public static final String MANAGEMENT_KEY = "ops-management-key-Q8w3Rt6Yp1Zx";

	public static final String MANAGEMENT_KEY_SHA256 = "25e24933b8e0a6472f0265394279416fff38cd14ffd39bff1ffbc5a1041aa1f4";

	public static final String OTHER_PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

	/**
	 * Sends a JSON body with this API key (none when {@code key} is null) and extra
	 * headers.
	 */
	protected HttpResponse<String> sendWithKey(String method, String path, String key, String body, String... headers) {
		String[] all = key == null ? headers : concat(new String[] { "X-Api-Key", key }, headers);
		return send(method, path, "application/json", body, all);
	}

	/** The headers {@code a} then {@code b}, as name-value pairs. */
	protected static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
