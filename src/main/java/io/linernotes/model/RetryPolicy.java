package io.linernotes.model;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with jittered exponential backoff, for failures worth a second try only: rate limits
 * (429), server errors (5xx), timeouts and refused connections. A wrong key (401/403) or a bad request
 * (400) fails at once: retrying cannot fix it and only delays the fallback answer. The langchain4j clients
 * are built with their own retries off, so this is the only retry loop.
 */
public final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);
    private static final int MAX_CAUSE_DEPTH = 12;

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;

    /**
     * @param maxRetries retries after the first attempt (0 = one attempt only)
     * @param baseDelay  delay before the first retry, doubled for each further one, then jittered
     * @param maxDelay   cap on any single delay
     */
    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    /** The policy used in production: half a second, doubling, at most eight seconds per wait. */
    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Runs {@code call}, retrying retryable failures; the last failure is rethrown as is. */
    public <T> T run(String what, Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (attempt >= maxRetries || !isRetryable(e)) {
                    throw e;
                }
                Duration wait = delay(attempt);
                log.warn("{} failed (attempt {} of {}): {}; retrying in {} ms", what, attempt + 1, maxRetries + 1,
                        summary(e), wait.toMillis());
                sleep(wait);
            }
        }
    }

    /** Delay before retry number {@code attempt + 1}: between half and all of base × 2^attempt, capped. */
    Duration delay(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /** Whether a failure is worth retrying; the outermost cause that says either way decides. */
    public static boolean isRetryable(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof NonRetriableException) {
                return false;
            }
            if (t instanceof RetriableException) {
                return true;
            }
            if (t instanceof HttpException http) {
                int code = http.statusCode();
                return code == 408 || code == 429 || code >= 500;
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof ConnectException) {
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    /** Class and first line of the message: enough to diagnose, short enough to log at warn. */
    static String summary(Throwable e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String firstLine = message.lines().findFirst().orElse("");
        if (firstLine.length() > 300) {
            firstLine = firstLine.substring(0, 300) + "…";
        }
        return e.getClass().getSimpleName() + ": " + firstLine;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
