package io.linernotes.discord;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

/** Collects what one class logs, so a test can check that a failure was logged (and how). */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        appender.start();
        logger.addAppender(appender);
    }

    List<String> messages() {
        synchronized (appender.list) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    /** Waits (at most 10 s) for a logged line containing {@code text}; fails naming it and what was logged. */
    void await(String text) {
        Awaitility.await("a logged line containing '" + text + "'").atMost(Duration.ofSeconds(10))
                .until(this::messages, lines -> lines.stream().anyMatch(m -> m.contains(text)));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
