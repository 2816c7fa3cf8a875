package dev.secgroup.gateway.security;

import org.springframework.security.core.AuthenticationException;

/**
 * An {@code SDK-HMAC-SHA256} request the gateway refuses, with the code Huawei's API
 * gateway answers in the same case, so that SDK callers see what they would see at
 * Huawei: {@code APIGW.0301} (incorrect authentication information: malformed, unknown
 * access key or wrong signature, which are indistinguishable) or {@code APIGW.0303}
 * ({@code X-Sdk-Date} more than 15 minutes from the gateway's clock).
 */
final class AkSkAuthenticationException extends AuthenticationException {

	/** Malformed request, unknown access key or wrong signature. */
	static final String INCORRECT_AUTHENTICATION = "APIGW.0301";

	/** {@code X-Sdk-Date} more than 15 minutes from server time. */
	static final String DATE_OUT_OF_RANGE = "APIGW.0303";

	private final String errorCode;

	/**
	 * @param errorCode {@link #INCORRECT_AUTHENTICATION} or {@link #DATE_OUT_OF_RANGE}
	 * @param reason what is wrong, safe for the caller: no secret, no signature
	 */
	AkSkAuthenticationException(String errorCode, String reason) {
		super("Incorrect IAM authentication information: " + reason);
		this.errorCode = errorCode;
	}

	String errorCode() {
		return errorCode;
	}

}
