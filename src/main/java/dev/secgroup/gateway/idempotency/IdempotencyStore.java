package dev.secgroup.gateway.idempotency;

/**
 * Where keyed calls are claimed and their answers kept. Every method is atomic per key. A
 * claim holds its key for the store's lease; a record lives for the store's retention
 * ({@code gateway.idempotency.ttl}) from its last write, whatever its state, so that the
 * claim of a replica that stopped mid-call is still seen (and taken over) once its lease
 * has run out.
 * <p>
 * Keys passed in are already scoped and hashed: they contain neither the caller's key nor
 * anything of the request.
 */
interface IdempotencyStore {

	/**
	 * Claims {@code key} for {@code owner}, unless another call holds it or finished it.
	 * @throws IdempotencyStoreException when the store cannot be reached
	 */
	Claim claim(String key, String fingerprint, String owner);

	/**
	 * Keeps {@code answer} under {@code key} if {@code owner} still holds the claim.
	 * @return {@code false} when the claim was lost (its lease ran out and another call
	 * took the key over)
	 * @throws IdempotencyStoreException when the store cannot be reached
	 */
	boolean complete(String key, String owner, StoredAnswer answer);

	/**
	 * Forgets {@code key} if {@code owner} still holds the claim: the next call with it
	 * runs.
	 * @return {@code false} when the claim was lost
	 * @throws IdempotencyStoreException when the store cannot be reached
	 */
	boolean release(String key, String owner);

}
