package dev.secgroup.gateway.idempotency;

/** The scenarios on the default store: one replica's memory. */
class MemoryStoreIdempotencyTest extends IdempotencyScenarios {

}
