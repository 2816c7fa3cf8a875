package dev.secgroup.gateway.upstream;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;

/**
 * The request line and headers of one upstream call in {@code password} mode (a 5,200-char
 * IAM token, as the load harness's IAM stub issues), encoded by Netty's HTTP encoder into
 * the buffer it would write to the socket: the headers as Spring hands them over
 * ({@code String}s, which the encoder writes a byte at a time), and as
 * {@link AsciiRequestHeaders} hands them over (converted on every call, then copied in
 * bulk). Run it on the JDK the image runs (25): on JDK 24+ Netty does not use
 * {@code sun.misc.Unsafe}, which is where the byte-at-a-time write is slowest.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpstreamHeaderEncodingBenchmark {

	private final HttpHeaders headers = new HttpHeaders();

	private EmbeddedChannel channel;

	public UpstreamHeaderEncodingBenchmark() {
		this.headers.set("Content-Type", "application/json");
		this.headers.set("Accept", "application/json");
		this.headers.set("User-Agent", "secgroup-gateway");
		this.headers.set("X-Request-Id", "5a7c3b1e-0d4f-4e51-9a0b-3c2d1e0f9a8b");
		this.headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		this.headers.set("X-Auth-Token", "MIIZ" + "x".repeat(5_196));
	}

	@Setup
	public void open() {
		this.channel = new EmbeddedChannel(new HttpRequestEncoder());
	}

	@TearDown
	public void close() {
		this.channel.finishAndReleaseAll();
	}

	@Benchmark
	public int stringHeaders() {
		FullHttpRequest request = request();
		this.headers.forEach((name, values) -> request.headers().set(name, values));
		return encode(request);
	}

	@Benchmark
	public int asciiHeaders() {
		FullHttpRequest request = request();
		AsciiRequestHeaders.copy(this.headers, request.headers());
		return encode(request);
	}

	private static FullHttpRequest request() {
		return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.PUT,
				"/v3/f5dab68cd75740e68c599e9af5fe0aed/ports/99fd0c77-56b4-4bf6-8365-df352e45d5fc/insert-security-groups");
	}

	private int encode(FullHttpRequest request) {
		this.channel.writeOutbound(request);
		int bytes = 0;
		for (ByteBuf buffer; (buffer = this.channel.readOutbound()) != null;) {
			bytes += buffer.readableBytes();
			buffer.release();
		}
		return bytes;
	}

}
