package dev.secgroup.gateway.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.secgroup.gateway.call.CallContext;

/**
 * One call that came with an {@code Idempotency-Key}, through its states: {@code NEW}
 * (key checked) → {@code CLAIMED} (the key is this call's; its answer is kept or the key
 * released when it ends) or {@code REPLAYED} (a finished call's answer was sent again) or
 * {@code REFUSED} (409, 422, 503: the key is untouched).
 */
final class KeyedCall {

	/** Where the call's context keeps it, from the filter to the step. */
	private static final CallContext.Fact<KeyedCall> FACT = new CallContext.Fact<>("idempotency key", KeyedCall.class);

	enum State {

		NEW, CLAIMED, REPLAYED, REFUSED

	}

	private final String operation;

	private final boolean idempotent;

	private final String storeKey;

	private final String owner;

	private State state = State.NEW;

	private boolean keep;

	KeyedCall(String operation, boolean idempotent, String storeKey, String owner) {
		this.operation = operation;
		this.idempotent = idempotent;
		this.storeKey = storeKey;
		this.owner = owner;
	}

	/** The keyed call this request makes, or {@code null}. */
	static @Nullable KeyedCall of(HttpServletRequest request) {
		return CallContext.of(request).get(FACT);
	}

	void attachTo(HttpServletRequest request) {
		CallContext.of(request).put(FACT, this);
	}

	String operation() {
		return operation;
	}

	/** Whether the operation may be sent again after upstream may have acted (PUT). */
	boolean idempotent() {
		return idempotent;
	}

	/** The store's key: scoped and hashed, never the caller's key itself. */
	String storeKey() {
		return storeKey;
	}

	String owner() {
		return owner;
	}

	State state() {
		return state;
	}

	void claimed() {
		this.state = State.CLAIMED;
	}

	void replayed() {
		this.state = State.REPLAYED;
	}

	void refused() {
		this.state = State.REFUSED;
	}

	/** Whether the answer of a claimed call is kept (else its key is released). */
	boolean keep() {
		return keep;
	}

	void keep(boolean keep) {
		this.keep = keep;
	}

}
