package dev.secgroup.gateway.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Review A21: the Maven distribution the wrapper downloads (in CI and in the image build)
 * is checked against a pinned SHA-256, so a tampered download stops the build; and codecs
 * the gateway never uses are not shipped.
 */
class SupplyChainTest {

	@Test
	void theWrapperPinsTheMavenDistributionsChecksum() throws IOException {
		Properties wrapper = new Properties();
		try (Reader reader = Files
			.newBufferedReader(DeploymentContract.PROJECT_DIR.resolve(".mvn/wrapper/maven-wrapper.properties"))) {
			wrapper.load(reader);
		}

		assertThat(wrapper.getProperty("distributionUrl")).startsWith("https://");
		assertThat(wrapper.getProperty("distributionSha256Sum")).matches("[0-9a-f]{64}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "io.netty.handler.codec.http3.Http3", "io.netty.handler.codec.quic.Quic",
			"io.netty.resolver.dns.macos.MacOSDnsServerAddressStreamProvider" })
	void unusedNettyCodecsAndNativeLibrariesAreNotShipped(String className) {
		assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
	}

}
