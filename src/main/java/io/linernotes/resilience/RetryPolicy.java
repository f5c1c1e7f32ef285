package io.linernotes.resilience;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with jittered exponential backoff, for failures worth a second try only: rate limits
 * (429), server errors and overload (5xx, Anthropic's 529), timeouts and refused connections. A wrong key
 * (401/403), a bad request (400, including a prompt over the context length) or a malformed reply fails at
 * once: retrying cannot fix it and only delays the fallback answer. A {@code retry-after} from the provider
 * replaces the backoff (capped at the maximum delay, plus a little jitter so that many bots do not return in
 * step). No wait runs past the answer's {@link Deadline}: when the next try could not start in time, the
 * failure is final. The langchain4j clients are built with their own retries off, so this is the only loop.
 * It is not Resilience4j's {@code Retry} (whose breaker the providers use): that one cannot give up before a
 * wait that would pass the answer's deadline, which the fault tests require.
 */
public final class RetryPolicy {

    /** Waits between attempts; tests record the waits chosen. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration wait) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);
    private static final int MAX_CAUSE_DEPTH = 12;

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;

    /**
     * @param maxRetries retries after the first attempt (0 = one attempt only)
     * @param baseDelay  delay before the first retry, doubled for each further one, then jittered
     * @param maxDelay   cap on any single delay, a provider's {@code retry-after} included
     */
    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {
        this(maxRetries, baseDelay, maxDelay, wait -> Thread.sleep(wait.toMillis()));
    }

    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Sleeper sleeper) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
    }

    /** The policy used in production: half a second, doubling, at most eight seconds per wait. */
    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Runs {@code call}, retrying retryable failures with no deadline and no breaker. */
    public <T> T run(String what, Supplier<T> call) {
        return run(what, call, null, null);
    }

    /**
     * Runs {@code call}, retrying retryable failures while the deadline allows and the breaker lets calls
     * through; every attempt's outcome is reported to the breaker. The last failure is rethrown as is.
     *
     * @param deadline the answer's total deadline, or null for none
     * @param breaker  the provider's circuit breaker, or null for none
     * @throws ProviderSkippedException when the breaker refuses the first attempt or the deadline has passed
     */
    public <T> T run(String what, Supplier<T> call, Deadline deadline, CircuitBreaker breaker) {
        for (int attempt = 0; ; attempt++) {
            if (deadline != null && deadline.expired()) {
                throw new ProviderSkippedException(what + ": the answer's deadline has passed");
            }
            if (breaker != null && !breaker.tryAcquirePermission()) {
                throw new ProviderSkippedException(what + ": circuit open, skipped");
            }
            try {
                T result = call.get();
                report(breaker, null);
                return result;
            } catch (RuntimeException e) {
                report(breaker, e);
                if (attempt >= maxRetries || !isRetryable(e)) {
                    throw e;
                }
                Duration wait = waitBefore(attempt, e);
                if (deadline != null && wait.compareTo(deadline.remaining()) >= 0) {
                    log.warn("{} failed (attempt {} of {}): {}; no time left to wait {} ms", what, attempt + 1,
                            maxRetries + 1, summary(e), wait.toMillis());
                    throw e;
                }
                log.warn("{} failed (attempt {} of {}): {}; retrying in {} ms", what, attempt + 1, maxRetries + 1,
                        summary(e), wait.toMillis());
                sleep(wait);
            }
        }
    }

    /** The provider's retry-after (capped, with up to a tenth added as jitter), else the jittered backoff. */
    Duration waitBefore(int attempt, Throwable failure) {
        Optional<Duration> asked = ProviderHttpException.in(failure).flatMap(ProviderHttpException::retryAfter);
        if (asked.isPresent()) {
            long millis = Math.min(asked.get().toMillis(), maxDelay.toMillis());
            return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 10 + 1));
        }
        return delay(attempt);
    }

    /** Delay before retry number {@code attempt + 1}: between half and all of base × 2^attempt, capped. */
    Duration delay(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }

    /**
     * Every attempt's outcome goes to the breaker; the breaker itself counts a failure that was the request's
     * own fault as a success (see {@code AnswerModels#breaker} in the model package). Durations are not reported: slowness is the
     * deadline's business, not the breaker's.
     */
    private static void report(CircuitBreaker breaker, RuntimeException failure) {
        if (breaker == null) {
            return;
        }
        if (failure == null) {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(0, TimeUnit.NANOSECONDS, failure);
        }
    }

    /**
     * A failure that was the request's own fault (a 400 such as a prompt too long for the context) shows the
     * provider is up, so it does not count against the breaker; everything else does.
     */
    public static boolean isRequestFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException) {
                return false;
            }
            if (t instanceof InvalidRequestException) {
                return true;
            }
            if (t instanceof HttpException http) {
                int code = http.statusCode();
                return code == 400 || code == 413 || code == 422;
            }
        }
        return false;
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
    public static String summary(Throwable e) {
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

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
