package dev.secgroup.gateway.web;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relayed answer is written as it is: status, headers and bytes; what it cannot write
 * as it is (a body without a content type) goes to Spring's handlers untouched.
 */
class RelayedAnswerWriterTest {

	private final RecordingHandler springs = new RecordingHandler();

	private final RelayedAnswerConfiguration.RelayedAnswerWriter writer = new RelayedAnswerConfiguration.RelayedAnswerWriter(
			springs);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final ModelAndViewContainer container = new ModelAndViewContainer();

	@Test
	void comesBeforeSpringsOwnHandlers() {
		RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
		adapter.setApplicationContext(new StaticWebApplicationContext());
		adapter.afterPropertiesSet();

		RelayedAnswerConfiguration.relayedAnswersWrittenAsTheyAre().postProcessAfterInitialization(adapter, "adapter");

		assertThat(adapter.getReturnValueHandlers()).first()
			.isInstanceOf(RelayedAnswerConfiguration.RelayedAnswerWriter.class);
	}

	@Test
	void appliesToResponseEntitiesOfBytesOnly() throws NoSuchMethodException {
		assertThat(writer.supportsReturnType(returnType("bytes"))).isTrue();
		assertThat(writer.supportsReturnType(returnType("text"))).isFalse();
		assertThat(writer.supportsReturnType(returnType("raw"))).isFalse();
	}

	@Test
	void writesStatusHeadersAndBytesAsTheyAre() throws Exception {
		byte[] body = "{\"port\":{}}".getBytes(StandardCharsets.UTF_8);
		ResponseEntity<byte[]> answer = ResponseEntity.status(HttpStatus.OK)
			.contentType(MediaType.parseMediaType("application/json;charset=UTF-8"))
			.header(UpstreamRelay.UPSTREAM_REQUEST_ID, "req-1")
			.body(body);

		writer.handleReturnValue(answer, returnType("bytes"), container,
				new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(container.isRequestHandled()).isTrue();
		assertThat(springs.called).isFalse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
		assertThat(response.getHeader(UpstreamRelay.UPSTREAM_REQUEST_ID)).isEqualTo("req-1");
		assertThat(response.getContentLength()).isEqualTo(body.length);
		assertThat(response.getContentAsByteArray()).isEqualTo(body);
	}

	@Test
	void anAnswerWithoutABodyIsItsStatusAndHeaders() throws Exception {
		writer.handleReturnValue(ResponseEntity.accepted().header(UpstreamRelay.UPSTREAM_REQUEST_ID, "req-2").build(),
				returnType("bytes"), container, new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(springs.called).isFalse();
		assertThat(response.getStatus()).isEqualTo(202);
		assertThat(response.getHeader(UpstreamRelay.UPSTREAM_REQUEST_ID)).isEqualTo("req-2");
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@Test
	void aBodyWithoutAContentTypeIsLeftToSpringsHandlers() throws Exception {
		writer.handleReturnValue(ResponseEntity.ok(new byte[] { '{', '}' }), returnType("bytes"), container,
				new ServletWebRequest(new MockHttpServletRequest(), response));

		assertThat(springs.called).isTrue();
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	private static MethodParameter returnType(String name) throws NoSuchMethodException {
		Method method = Answers.class.getDeclaredMethod(name);
		return new MethodParameter(method, -1);
	}

	@SuppressWarnings({ "unused", "rawtypes" })
	private static final class Answers {

		ResponseEntity<byte[]> bytes() {
			return ResponseEntity.ok().build();
		}

		ResponseEntity<String> text() {
			return ResponseEntity.ok().build();
		}

		ResponseEntity raw() {
			return ResponseEntity.ok().build();
		}

	}

	private static final class RecordingHandler implements HandlerMethodReturnValueHandler {

		private boolean called;

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return true;
		}

		@Override
		public void handleReturnValue(Object returnValue, MethodParameter returnType,
				ModelAndViewContainer mavContainer,
				org.springframework.web.context.request.NativeWebRequest webRequest) {
			called = true;
		}

	}

}
