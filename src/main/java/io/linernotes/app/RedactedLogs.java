package io.linernotes.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback converters that pass log messages and stack traces through the {@link Redactor}, named in
 * {@code logback.xml}. Whatever a class logs (a setting it quotes, an exception a library threw), a key
 * never reaches the log: the last net, behind the rule that no one logs a secret on purpose.
 */
public final class RedactedLogs {

    private RedactedLogs() {
    }

    /** {@code %redactedMsg}: the formatted message. */
    public static final class Message extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Redactor.fromEnvironment().redact(event.getFormattedMessage());
        }
    }

    /** {@code %redactedEx}: the stack trace, if any. */
    public static final class Stack extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return Redactor.fromEnvironment().redact(super.throwableProxyToString(proxy));
        }
    }
}
