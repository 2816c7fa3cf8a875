package dev.secgroup.gateway.call;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every operation the gateway mirrors (the {@link MirroredOperation} beans the features
 * declare), and which of them a request calls. Paths are matched the way Spring MVC
 * matches them (path patterns on the raw, undecoded request path, variables decoded).
 * Only {@link CallContextFilter} asks, once per request; everyone else reads the answer
 * from the {@link CallContext}.
 */
@Component
public class MirroredOperations {

	private final List<Entry> entries;

	public MirroredOperations(List<MirroredOperation> operations) {
		this.entries = operations.stream()
			.map(operation -> new Entry(operation, PathPatternParser.defaultInstance.parse(operation.path())))
			.toList();
	}

	/** All mirrored operations. */
	public Collection<MirroredOperation> all() {
		return entries.stream().map(Entry::operation).toList();
	}

	/** The names of all mirrored operations, sorted. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>();
		entries.forEach(entry -> names.add(entry.operation().name()));
		return names;
	}

	/**
	 * The operation this request calls (same method, path matching its pattern) with its
	 * path variables, decoded; empty for any other request.
	 */
	public Optional<Call> match(HttpServletRequest request) {
		PathContainer path = pathOf(request);
		for (Entry entry : entries) {
			if (!entry.operation().method().matches(request.getMethod())) {
				continue;
			}
			PathPattern.PathMatchInfo match = entry.pattern().matchAndExtract(path);
			if (match != null) {
				// In path order: audit events list them as the path does.
				return Optional.of(new Call(entry.operation(),
						Collections.unmodifiableMap(new LinkedHashMap<>(match.getUriVariables()))));
			}
		}
		return Optional.empty();
	}

	private static PathContainer pathOf(HttpServletRequest request) {
		return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
	}

	/**
	 * A request calling a mirrored operation.
	 *
	 * @param operation the operation called
	 * @param variables its path variables, decoded, exactly as sent (not yet validated)
	 */
	public record Call(MirroredOperation operation, Map<String, String> variables) {

		/** The project the call acts on, as sent. */
		public String projectId() {
			return variables.get(MirroredOperation.PROJECT_ID);
		}

	}

	private record Entry(MirroredOperation operation, PathPattern pattern) {
	}

}
