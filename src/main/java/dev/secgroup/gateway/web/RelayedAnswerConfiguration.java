package dev.secgroup.gateway.web;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A relayed answer ({@code ResponseEntity<byte[]>}: upstream's status, headers and bytes,
 * or a kept idempotent answer) is written to the servlet response as it is. Spring's
 * {@code HttpEntityMethodProcessor} would first ask every return value handler whether it
 * applies, then negotiate a content type and a message converter for bytes whose content
 * type is already set: about 5 % of the gateway's CPU per call (docs/performance.md). An
 * answer with a body but no content type still goes through Spring, which picks the
 * operation's {@code produces} type.
 */
@Configuration(proxyBeanMethods = false)
class RelayedAnswerConfiguration {

	@Bean
	static BeanPostProcessor relayedAnswersWrittenAsTheyAre() {
		return HandlerAdapterCustomizer.postProcessor(adapter -> {
			List<HandlerMethodReturnValueHandler> springs = adapter.getReturnValueHandlers();
			if (springs != null) {
				List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
				handlers
					.add(new RelayedAnswerWriter(new HandlerMethodReturnValueHandlerComposite().addHandlers(springs)));
				handlers.addAll(springs);
				adapter.setReturnValueHandlers(handlers);
			}
		});
	}

	/**
	 * Writes a {@code ResponseEntity<byte[]>} whose body, if any, has a content type:
	 * status, every header, the bytes and their length. Anything else goes to Spring's
	 * handlers.
	 */
	static final class RelayedAnswerWriter implements HandlerMethodReturnValueHandler {

		private final HandlerMethodReturnValueHandler springs;

		RelayedAnswerWriter(HandlerMethodReturnValueHandler springs) {
			this.springs = springs;
		}

		@Override
		public boolean supportsReturnType(MethodParameter returnType) {
			return returnType.getParameterType() == ResponseEntity.class
					&& isBytes(returnType.getGenericParameterType());
		}

		@Override
		public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
				ModelAndViewContainer mavContainer, NativeWebRequest webRequest) throws Exception {
			ResponseEntity<?> entity = (ResponseEntity<?>) returnValue;
			HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
			if (entity == null || response == null || !writableAsItIs(entity)) {
				this.springs.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
				return;
			}
			mavContainer.setRequestHandled(true);
			write(entity.getStatusCode().value(), entity.getHeaders(), (byte[]) entity.getBody(), response);
		}

		private static void write(int status, HttpHeaders headers, byte @Nullable [] body, HttpServletResponse response)
				throws IOException {
			response.setStatus(status);
			headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			if (body != null) {
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
			}
		}

		private static boolean writableAsItIs(ResponseEntity<?> entity) {
			Object body = entity.getBody();
			return body == null || (body instanceof byte[] && entity.getHeaders().getContentType() != null);
		}

		private static boolean isBytes(Type type) {
			return type instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments().length == 1
					&& parameterized.getActualTypeArguments()[0] == byte[].class;
		}

	}

}
