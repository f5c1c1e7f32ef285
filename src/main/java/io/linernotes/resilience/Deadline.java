package io.linernotes.resilience;

import java.time.Duration;

/**
 * The total time one answer may take across every provider, retry and wait, after which the extractive
 * answer is given. Measured on {@link System#nanoTime()}, which wall-clock changes cannot move.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    /** A deadline {@code total} from now. */
    public static Deadline in(Duration total) {
        return new Deadline(total);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    public Duration total() {
        return total;
    }
}
