package dev.secgroup.gateway.quota;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests that share one application context start each test with fresh quotas: a test
 * whose upstream said 429 leaves a pause that would hold back the next test's calls.
 */
public final class QuotaState {

	private QuotaState() {
	}

	/** Forgets the turns and pauses of a context's in-memory quota store. */
	public static void clear(ApplicationContext context) {
		if (context.getBean(QuotaStore.class) instanceof MemoryQuotaStore memory) {
			memory.clear();
		}
	}

}
