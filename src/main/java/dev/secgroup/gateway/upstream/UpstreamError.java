package dev.secgroup.gateway.upstream;

/**
 * Upstream's own account of an error.
 *
 * @param code Huawei error code ({@code VPC.0114}, {@code HSS.1005}, {@code APIGW.0301}),
 * or {@code null} when the body carried none
 * @param message Huawei error message, or {@code null}
 * @param requestId upstream request id ({@code X-Request-Id} header, else body
 * {@code request_id}), or {@code null}
 */
public record UpstreamError(String code, String message, String requestId) {
}
