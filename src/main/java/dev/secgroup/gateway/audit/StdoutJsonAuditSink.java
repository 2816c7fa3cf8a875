package dev.secgroup.gateway.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each event as one line of JSON on standard output, where Kubernetes collects it.
 * Jackson escapes every caller-supplied string, and every non-ASCII character is written
 * as {@code \\uXXXX}, so no value can end the line early (CR, LF, NEL, U+2028) or forge
 * members.
 * <p>
 * <b>Group commit.</b> A request thread serializes its event and queues it (bounded:
 * {@code gateway.audit.queue-capacity}); one writer thread takes every queued line,
 * writes them in as few writes as possible and flushes, then releases each waiting
 * request, which thus still answers only after its event is written. A request waits at
 * most {@code gateway.audit.write-timeout}; a full queue fails at once. Writes are split
 * at line ends into pieces of at most {@value #ATOMIC_WRITE} bytes, which a pipe writes
 * whole, so lines never interleave with log lines.
 * <p>
 * <b>Failure.</b> The stream throws its {@link IOException} (standard output is file
 * descriptor 1 itself, not {@code System.out}, whose error flag once set never clears).
 * The sink is {@linkplain #failure() failing} while its last write failed or while the
 * writer has been stuck in one write for longer than the write timeout; the next
 * successful write clears it.
 */
final class StdoutJsonAuditSink implements AuditSink, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(StdoutJsonAuditSink.class);

	/**
	 * The largest write a pipe performs without interleaving (POSIX {@code PIPE_BUF}).
	 */
	static final int ATOMIC_WRITE = 4096;

	private final ObjectWriter writer = JsonMapper.builder()
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.build()
		.writerFor(AuditEvent.class);

	private final OutputStream out;

	private final long timeoutNanos;

	private final BlockingQueue<Pending> queue;

	private final Thread thread;

	/** The writer thread's buffer, reused for every piece it writes. */
	private final ByteArrayOutputStream piece = new ByteArrayOutputStream(ATOMIC_WRITE);

	private volatile @Nullable String lastFailure;

	/** {@link System#nanoTime()} when the write in progress began; 0 when idle. */
	private volatile long writingSince;

	private volatile boolean closed;

	/**
	 * @param out where lines go; its writes throw their {@link IOException}
	 * @param timeout how long a request waits for its line to be written
	 * @param capacity how many lines may wait for the writer
	 */
	StdoutJsonAuditSink(OutputStream out, Duration timeout, int capacity) {
		this.out = out;
		this.timeoutNanos = timeout.toNanos();
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.thread = new Thread(this::writeLoop, "audit-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void write(AuditEvent event) {
		Pending pending = new Pending(line(event));
		if (closed || !queue.offer(pending)) {
			throw new AuditSinkException(
					closed ? "the audit sink is closed" : "the audit queue is full: standard output is not keeping up");
		}
		try {
			pending.written.get(timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// Not written in time: take it back if the writer has not yet; either way the
			// call is answered as unrecorded.
			queue.remove(pending);
			throw new AuditSinkException("standard output did not take the audit event within "
					+ Duration.ofNanos(timeoutNanos).toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			throw new AuditSinkException("standard output did not accept the audit event", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuditSinkException("interrupted while the audit event was written", ex);
		}
	}

	@Override
	public @Nullable String failure() {
		long since = writingSince;
		if (since != 0 && System.nanoTime() - since > timeoutNanos) {
			return "standard output has not taken a write for more than " + Duration.ofNanos(timeoutNanos).toMillis()
					+ " ms";
		}
		return lastFailure;
	}

	/** Lines waiting for the writer. */
	int queued() {
		return queue.size();
	}

	/** Stops taking events; lines already queued are written first (bounded wait). */
	@Override
	public void close() throws InterruptedException {
		closed = true;
		thread.interrupt();
		thread.join(Duration.ofNanos(timeoutNanos).toMillis() + 1);
	}

	/**
	 * The event's JSON, without its line end (the writer adds it). Every non-ASCII
	 * character is escaped, so its UTF-8 bytes are ASCII.
	 */
	private byte[] line(AuditEvent event) {
		try {
			return writer.writeValueAsBytes(event);
		}
		catch (JacksonException ex) {
			throw new AuditSinkException("the audit event could not be serialized", ex);
		}
	}

	private void writeLoop() {
		List<Pending> batch = new ArrayList<>();
		while (true) {
			Pending first;
			try {
				// Once closed, what is queued is still written, then the thread ends.
				first = closed ? queue.poll() : queue.take();
			}
			catch (InterruptedException closing) {
				continue;
			}
			if (first == null) {
				return;
			}
			batch.add(first);
			queue.drainTo(batch);
			write(batch);
			batch.clear();
		}
	}

	private void write(List<Pending> batch) {
		writingSince = System.nanoTime();
		try {
			piece.reset();
			for (Pending pending : batch) {
				if (piece.size() > 0 && piece.size() + pending.line.length + 1 > ATOMIC_WRITE) {
					piece.writeTo(out);
					piece.reset();
				}
				piece.write(pending.line);
				piece.write('\n');
			}
			piece.writeTo(out);
			out.flush();
			if (lastFailure != null) {
				log.warn("Audit events are written again; calls are carried out again");
			}
			lastFailure = null;
			batch.forEach(pending -> pending.written.complete(null));
		}
		catch (IOException | RuntimeException ex) {
			if (lastFailure == null) {
				log.error("Audit events could not be written; failing closed, calls are refused until a write succeeds",
						ex);
			}
			lastFailure = "standard output refused the last audit events: " + ex;
			batch.forEach(pending -> pending.written.completeExceptionally(ex));
		}
		finally {
			writingSince = 0;
		}
	}

	/** One serialized event, and whether it was written. */
	private static final class Pending {

		private final byte[] line;

		private final CompletableFuture<Void> written = new CompletableFuture<>();

		Pending(byte[] line) {
			this.line = line;
		}

	}

}
