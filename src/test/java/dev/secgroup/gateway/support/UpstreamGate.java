package dev.secgroup.gateway.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Holds the WireMock answers of stubs that name it ({@code .withTransformers(
 * UpstreamGate.NAME)}) while a test keeps it {@linkplain #shut() shut}: a test can let
 * calls pile up while "upstream is thinking" and release them when it has seen what it
 * waits for, instead of guessing a delay long enough on a loaded machine.
 * <p>
 * One gate for the JVM's one WireMock ({@link GatewayTestSupport}); a held answer is sent
 * anyway after {@link #LONGEST_HOLD_SECONDS}, so a failing test never leaves WireMock's
 * threads blocked.
 */
public final class UpstreamGate implements ResponseTransformerV2 {

	/** The transformer name a stub gives to be held. */
	public static final String NAME = "upstream-gate";

	static final UpstreamGate INSTANCE = new UpstreamGate();

	private static final long LONGEST_HOLD_SECONDS = 60;

	private final AtomicInteger held = new AtomicInteger();

	private volatile CountDownLatch open = new CountDownLatch(0);

	private UpstreamGate() {
	}

	/**
	 * Shuts the gate: answers of gated stubs are held until the returned handle is
	 * {@linkplain Shut#close() closed} (use try-with-resources).
	 */
	public static Shut shut() {
		CountDownLatch latch = new CountDownLatch(1);
		INSTANCE.open = latch;
		return new Shut() {

			@Override
			public int held() {
				return INSTANCE.held.get();
			}

			@Override
			public void close() {
				latch.countDown();
			}

		};
	}

	@Override
	public Response transform(Response response, ServeEvent serveEvent) {
		held.incrementAndGet();
		try {
			open.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			held.decrementAndGet();
		}
		return response;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

	/** A shut gate; closing it lets every held answer go. */
	public interface Shut extends AutoCloseable {

		/** Requests whose answers are being held now. */
		int held();

		@Override
		void close();

	}

}
