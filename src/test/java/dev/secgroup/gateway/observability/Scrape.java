package dev.secgroup.gateway.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * One scrape of {@code /actuator/prometheus} on the management port, parsed from the text
 * format the way Prometheus reads it: series name, labels, value.
 */
public final class Scrape {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Series> series;

	private Scrape(List<Series> series) {
		this.series = series;
	}

	/**
	 * Scrapes, sending {@code headers} (an API key where the security mode asks for one).
	 */
	public static Scrape of(int managementPort, String... headers) {
		HttpResponse<String> response = get(managementPort, "/actuator/prometheus", headers);
		if (response.statusCode() != 200) {
			throw new AssertionError("scrape answered " + response.statusCode() + ": " + response.body());
		}
		List<Series> series = new ArrayList<>();
		response.body()
			.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(Scrape::parse)
			.forEach(series::add);
		return new Scrape(series);
	}

	/**
	 * Scrapes until {@code assertions} pass (5 s at most). Spring records
	 * {@code http.server.requests} when its filter returns, just after the caller got the
	 * answer: a scrape right after a call may be a moment early.
	 */
	public static void eventually(int managementPort, Consumer<Scrape> assertions) {
		eventually(() -> of(managementPort), assertions);
	}

	public static void eventually(Supplier<Scrape> scrape, Consumer<Scrape> assertions) {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertions.accept(scrape.get()));
	}

	static HttpResponse<String> get(int port, String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		HttpRequest request = builder.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	List<Series> all() {
		return series;
	}

	/** Every series of this name. */
	List<Series> named(String name) {
		return series.stream().filter(s -> s.name().equals(name)).toList();
	}

	/**
	 * The value of the one series with this name whose labels include {@code labels}
	 * ({@code "name", "value", ...}), summed if several match; 0 if none does.
	 */
	public double value(String name, String... labels) {
		return matching(name, labels).stream().mapToDouble(Series::value).sum();
	}

	List<Series> matching(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return named(name).stream().filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).toList();
	}

	private static Series parse(String line) {
		int brace = line.indexOf('{');
		int space;
		Map<String, String> labels = new LinkedHashMap<>();
		String name;
		if (brace < 0) {
			space = line.indexOf(' ');
			name = line.substring(0, space);
		}
		else {
			name = line.substring(0, brace);
			int i = brace + 1;
			while (line.charAt(i) != '}') {
				int eq = line.indexOf('=', i);
				String key = line.substring(i, eq);
				StringBuilder value = new StringBuilder();
				int j = eq + 2; // past ="
				while (line.charAt(j) != '"') {
					char c = line.charAt(j);
					if (c == '\\') {
						char next = line.charAt(++j);
						value.append(next == 'n' ? '\n' : next);
					}
					else {
						value.append(c);
					}
					j++;
				}
				labels.put(key, value.toString());
				i = j + 1;
				if (line.charAt(i) == ',') {
					i++;
				}
			}
			space = i + 1;
		}
		String rest = line.substring(space).trim();
		int end = rest.indexOf(' ');
		String number = end < 0 ? rest : rest.substring(0, end);
		return new Series(name, labels, Double.parseDouble(number));
	}

	/** One time series. */
	record Series(String name, Map<String, String> labels, double value) {
	}

}
