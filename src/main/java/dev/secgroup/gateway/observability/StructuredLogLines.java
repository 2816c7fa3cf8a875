package dev.secgroup.gateway.observability;

import java.lang.reflect.Field;
import java.nio.charset.Charset;
import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * JSON log lines (ECS, {@code logging.structured.format.console}) as Spring Boot formats
 * them, turned into bytes from the formatted string instead of Boot's byte path.
 * <p>
 * Boot's {@link StructuredLogEncoder} writes each line into a byte buffer cached per
 * thread, one {@code CharBuffer} per character. With a virtual thread per request the
 * cache never hits: every request's access line allocated a fresh 8 KB buffer and about
 * 50 KB of per-character garbage, a third of all the gateway allocated per call
 * (spring-boot#49428). The same formatter's {@code format} builds the same line in a
 * {@code StringBuilder}; its bytes in the encoder's charset are the line Boot would have
 * written, byte for byte ({@code StructuredLogLinesTest}).
 * <p>
 * With ECS as configured here, the common line (no throwable, no marker: every access log
 * line) is not formatted by Boot at all but by {@link EcsLineWriter}, the same characters
 * at a fraction of the cost (Boot's general-purpose writer walks member paths, lambdas
 * and nested-pair maps for every member). Any configuration the writer does not write
 * ({@link EcsLineSettings}), and any Boot version whose lines it does not match
 * ({@link EcsLineProbe}), leaves every line to Boot.
 * <p>
 * Installed once logging is initialized (after {@link LoggingApplicationListener}) on
 * each appender of the root logger whose encoder is Boot's structured one; text logs (the
 * local profile) are left alone. Should Boot's encoder not have the expected fields (a
 * later Boot version), nothing is changed.
 */
final class StructuredLogLines implements GenericApplicationListener {

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.toClass());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			install(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	static void install(Logger root) {
		for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
			if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender
					&& appender.getEncoder() instanceof StructuredLogEncoder boot) {
				Encoder encoder = Encoder.of(boot);
				if (encoder != null) {
					encoder.setContext(boot.getContext());
					encoder.start();
					appender.setEncoder(encoder);
				}
			}
		}
	}

	/**
	 * Boot's formatter, its line as a string, encoded in Boot's charset; the common ECS
	 * line written by {@link EcsLineWriter} instead.
	 */
	static final class Encoder extends EncoderBase<ILoggingEvent> {

		/** Boot's ECS formatter (package-private, so known by name). */
		private static final String ECS_FORMATTER = "org.springframework.boot.logging.logback.ElasticCommonSchemaStructuredLogFormatter";

		private final StructuredLogFormatter<ILoggingEvent> formatter;

		private final @Nullable EcsLineWriter ecsLines;

		private final Charset charset;

		private Encoder(StructuredLogFormatter<ILoggingEvent> formatter, @Nullable EcsLineWriter ecsLines,
				Charset charset) {
			this.formatter = formatter;
			this.ecsLines = ecsLines;
			this.charset = charset;
		}

		/**
		 * The encoder writing what {@code boot} writes, or {@code null} when its
		 * formatter and charset cannot be read (not started, or another Boot version).
		 */
		@SuppressWarnings("unchecked")
		static @Nullable Encoder of(StructuredLogEncoder boot) {
			try {
				Object formatter = field(boot, "formatter");
				Object charset = field(boot, "charset");
				if (formatter instanceof StructuredLogFormatter<?> structured && charset instanceof Charset set) {
					StructuredLogFormatter<ILoggingEvent> events = (StructuredLogFormatter<ILoggingEvent>) structured;
					return new Encoder(events, ecsLines(events, boot.getContext()), set);
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Boot's own encoder stays.
			}
			return null;
		}

		/**
		 * The ECS line writer for Boot's formatter, or {@code null} when it is not the
		 * ECS one, its configuration is not one the writer writes, or their lines differ.
		 */
		private static @Nullable EcsLineWriter ecsLines(StructuredLogFormatter<ILoggingEvent> formatter,
				@Nullable Context context) {
			if (!ECS_FORMATTER.equals(formatter.getClass().getName()) || context == null
					|| !(context.getObject(Environment.class.getName()) instanceof Environment environment)) {
				return null;
			}
			EcsLineSettings settings = EcsLineSettings.read(environment);
			EcsLineWriter writer = (settings != null) ? EcsLineWriter.of(settings) : null;
			return (writer != null && EcsLineProbe.agrees(writer, formatter)) ? writer : null;
		}

		private static @Nullable Object field(StructuredLogEncoder boot, String name)
				throws ReflectiveOperationException {
			Field field = StructuredLogEncoder.class.getDeclaredField(name);
			field.setAccessible(true);
			return field.get(boot);
		}

		@Override
		public byte @Nullable [] headerBytes() {
			return null;
		}

		@Override
		public byte[] encode(ILoggingEvent event) {
			String line = (this.ecsLines != null) ? this.ecsLines.write(event) : null;
			return ((line != null) ? line : this.formatter.format(event)).getBytes(this.charset);
		}

		/** Whether {@code event}'s line is written by the {@link EcsLineWriter}. */
		boolean writesWithoutBoot(ILoggingEvent event) {
			return this.ecsLines != null && this.ecsLines.write(event) != null;
		}

		@Override
		public byte @Nullable [] footerBytes() {
			return null;
		}

	}

}
