package dev.secgroup.gateway.web;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's NIO HTTP/1.1 connector with a deadline on reading a request's line and headers
 * ({@code gateway.http.header-read-timeout}), which Tomcat itself lacks: its
 * {@code connectionTimeout} restarts with every byte received. Every quarter of the
 * deadline (at most every second) a check on Tomcat's utility executor closes each
 * connection whose current request started arriving longer ago than the deadline and is
 * still being parsed. A slow-header client so holds one connection for at most the
 * deadline, never a thread (NIO parses headers without one) and never the service.
 */
public class DeadlineHttp11NioProtocol extends Http11NioProtocol {

	private static final Logger log = LoggerFactory.getLogger(DeadlineHttp11NioProtocol.class);

	private volatile long headerReadTimeoutMillis;

	private ScheduledFuture<?> check;

	/** The header-read deadline in milliseconds; zero or negative: none. */
	public void setHeaderReadTimeout(long millis) {
		this.headerReadTimeoutMillis = millis;
	}

	public long getHeaderReadTimeout() {
		return headerReadTimeoutMillis;
	}

	@Override
	public void start() throws Exception {
		super.start();
		long deadline = headerReadTimeoutMillis;
		if (deadline > 0) {
			long period = Math.max(50, Math.min(1000, deadline / 4));
			check = getUtilityExecutor().scheduleWithFixedDelay(this::closeSlowHeaders, period, period,
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() throws Exception {
		if (check != null) {
			check.cancel(false);
			check = null;
		}
		super.stop();
	}

	private void closeSlowHeaders() {
		try {
			long now = System.nanoTime();
			long deadlineNanos = TimeUnit.MILLISECONDS.toNanos(headerReadTimeoutMillis);
			for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
				if (connection.getCurrentProcessor() instanceof AbstractProcessor processor
						&& readingHeadersSince(processor, now) > deadlineNanos) {
					log.debug("Closing a connection that sent no complete request headers within {} ms",
							headerReadTimeoutMillis);
					connection.close();
				}
			}
		}
		catch (RuntimeException ex) {
			// Never let one failed check cancel the periodic task.
			log.warn("Header-read deadline check failed", ex);
		}
	}

	/**
	 * How long the connection's current request has been arriving while its line and
	 * headers are still incomplete; zero once they are complete (the request is being
	 * served, or its body read), and for a connection between requests.
	 * <p>
	 * Tomcat marks a request's start at its first byte and forgets it when the request is
	 * done. While the headers are incomplete the processor waits for more bytes in stage
	 * {@code PARSE}, or {@code ENDED} between two reads; once they are complete the
	 * stages go from {@code PREPARE} to {@code KEEPALIVE}. An asynchronous or upgraded
	 * request also rests in {@code ENDED}, and is left alone.
	 */
	private static long readingHeadersSince(AbstractProcessor processor, long now) {
		Request request = processor.getRequest();
		long start = request.getStartTimeNanos();
		int stage = request.getRequestProcessor().getStage();
		if (start <= 0 || (stage != Constants.STAGE_PARSE && stage != Constants.STAGE_ENDED) || processor.isAsync()
				|| processor.isUpgrade()) {
			return 0;
		}
		return now - start;
	}

}
