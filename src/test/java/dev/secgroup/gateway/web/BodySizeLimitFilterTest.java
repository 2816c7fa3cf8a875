package dev.secgroup.gateway.web;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The body limit holds however the body is read: {@code getReader()} included (review
 * A22).
 */
class BodySizeLimitFilterTest {

	private final BodySizeLimitFilter filter = new BodySizeLimitFilter(DataSize.ofKilobytes(1),
			new ProblemWriter(JsonMapper.builder().build()));

	@Test
	void aChunkedBodyReadThroughTheReaderStopsAtTheLimit() {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/x");
		request.setContentType("text/plain");
		request.setContent("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
		// As a chunked request: no declared length.
		HttpServletRequestWrapper chunked = new HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}
		};

		assertThatThrownBy(() -> filter.doFilter(chunked, new MockHttpServletResponse(), (req, res) -> {
			BufferedReader reader = req.getReader();
			while (reader.read() >= 0) {
				// read everything
			}
		})).isInstanceOf(PayloadTooLargeException.class);
	}

}
