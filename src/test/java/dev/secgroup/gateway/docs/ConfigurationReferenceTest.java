package dev.secgroup.gateway.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md lists every {@code gateway.*} property the application binds, and
 * nothing else under {@code gateway.}. The generated table (types, defaults, Javadoc) is
 * written to {@code target/generated-docs/configuration-properties.md} to copy rows from.
 */
class ConfigurationReferenceTest {

	private static final Path PAGE = Path.of("docs/configuration.md");

	private static final Path GENERATED = Path.of("target/generated-docs/configuration-properties.md");

	/** A row's first cell: the backticked property names in it. */
	private static final Pattern FIRST_CELL = Pattern.compile("^\\|([^|]*)\\|");

	private static final Pattern CODE = Pattern.compile("`(gateway\\.[^`\\s]+)`");

	private static Map<String, ConfigurationReference.Property> bound;

	@BeforeAll
	static void readTheMetadataAndWriteTheGeneratedTable() throws IOException {
		bound = ConfigurationReference.load();
		Files.createDirectories(GENERATED.getParent());
		Files.writeString(GENERATED, ConfigurationReference.table(bound.values()));
	}

	@Test
	void theMetadataHasTheGatewaysPropertiesAndTheLeavesOfItsMapsAndLists() {
		assertThat(bound).containsKeys("gateway.credentials.mode", "gateway.security.jwt.audiences",
				"gateway.upstreams.<key>.pool.max-connections", "gateway.upstreams.<key>.retry.deadline",
				"gateway.projects.<key>.region", "gateway.security.clients[i].api-key-sha256",
				"gateway.http.max-body-size");
		assertThat(bound.get("gateway.upstreams.<key>.retry.max-attempts").defaultValue()).isEqualTo("3");
		assertThat(bound.get("gateway.credentials.mode").description()).contains("`aksk`");
		assertThat(bound.get("gateway.upstreams.<key>.retry.deadline").description())
			.isEqualTo("total time of a call, all attempts and waits included (then 504)");
	}

	@Test
	void everyBoundPropertyHasARow() throws IOException {
		Set<String> documented = documented();
		List<String> missing = bound.values()
			.stream()
			.filter(property -> !isDocumented(property, documented))
			.map(ConfigurationReference.Property::name)
			.toList();
		assertThat(missing)
			.as("gateway.* properties missing from %s (rows to copy are in %s)", PAGE, GENERATED.toAbsolutePath())
			.isEmpty();
	}

	@Test
	void everyRowNamesABoundProperty() throws IOException {
		List<String> unknown = documented().stream().filter(name -> !isBound(name)).sorted().toList();
		assertThat(unknown).as("rows of %s that no @ConfigurationProperties record binds", PAGE).isEmpty();
	}

	@Test
	void placeholdersOfMapKeysAndListIndexesMatchWhateverTheirName() {
		assertThat(ConfigurationReference.normalized("gateway.projects.<project-id>.region"))
			.isEqualTo(ConfigurationReference.normalized("gateway.projects.<key>.region"));
		assertThat(ConfigurationReference.normalized("gateway.security.clients[0].name"))
			.isEqualTo(ConfigurationReference.normalized("gateway.security.clients[i].name"));
	}

	private static boolean isDocumented(ConfigurationReference.Property property, Set<String> documented) {
		String name = ConfigurationReference.normalized(property.name());
		return documented.contains(name) || (property.open()
				&& documented.stream().anyMatch(row -> row.startsWith(name + ".") || row.startsWith(name + "[")));
	}

	private static boolean isBound(String documented) {
		return bound.values().stream().anyMatch(property -> {
			String name = ConfigurationReference.normalized(property.name());
			return documented.equals(name)
					|| (property.open() && (documented.startsWith(name + ".") || documented.startsWith(name + "[")));
		});
	}

	/** The normalized names in the first cell of the page's table rows. */
	private static Set<String> documented() throws IOException {
		return Files.readAllLines(PAGE)
			.stream()
			.map(FIRST_CELL::matcher)
			.filter(Matcher::find)
			.flatMap(cell -> CODE.matcher(cell.group(1)).results().map(code -> code.group(1)))
			.map(ConfigurationReference::normalized)
			.collect(Collectors.toSet());
	}

}
