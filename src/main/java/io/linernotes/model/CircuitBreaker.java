package io.linernotes.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips a provider that keeps failing. After {@code threshold} consecutive failed calls the circuit opens
 * and every call is refused at once for {@code coolDown}, so answers go straight to the next provider
 * (or the extractive answer) instead of waiting on timeouts and retries. After the cool-down one trial call
 * is let through (half-open): success closes the circuit, failure opens it for another cool-down.
 * Thread-safe; the clock is injectable so tests move time instead of sleeping.
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String name;
    private final int threshold;
    private final Duration coolDown;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(String name, int threshold, Duration coolDown, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.name = name;
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Whether a call may go ahead now; in half-open state only the one trial call may. */
    public synchronized boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN) {
            if (clock.instant().isBefore(openedAt.plus(coolDown))) {
                return false;
            }
            state = State.HALF_OPEN;
            trialInFlight = false;
            log.info("Circuit for {} half-open after {} s: one trial call", name, coolDown.toSeconds());
        }
        if (trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    /** The provider answered (even with an error that was the request's fault): it is up. */
    public synchronized void onSuccess() {
        if (state != State.CLOSED) {
            log.info("Circuit for {} closed again", name);
        }
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** The provider failed (down, overloaded, slow, refused, misconfigured). */
    public synchronized void onFailure() {
        consecutiveFailures++;
        trialInFlight = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            if (state != State.OPEN) {
                log.warn("Circuit for {} open after {} consecutive failures: skipping it for {} s", name,
                        consecutiveFailures, coolDown.toSeconds());
            }
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }

    public String name() {
        return name;
    }
}
