package dev.secgroup.gateway.upstream;

/** Header names shared by the gateway and Huawei Cloud. */
public final class UpstreamHeaders {

	/** Request id: the gateway's own on requests, upstream's on responses. */
	public static final String REQUEST_ID = "X-Request-Id";

	/** IAM token header (token credentials and pass-through). */
	public static final String AUTH_TOKEN = "X-Auth-Token";

	private UpstreamHeaders() {
	}

}
