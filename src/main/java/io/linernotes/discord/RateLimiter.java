package io.linernotes.discord;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * This process's own token buckets, used while the store's shared ones ({@code SharedLimits}) are out of reach.
 * Token buckets keyed by a user or server id: each holds at most {@code perMinute} tokens and refills at
 * {@code perMinute} per minute, so a burst of {@code perMinute} questions passes and after that one every
 * {@code 60 / perMinute} seconds. Full buckets are forgotten when the map grows, so memory follows the
 * number of recent askers, not of all askers ever.
 */
final class RateLimiter {
    private static final int FORGET_ABOVE = 10_000;

    private final double capacity;
    private final double perNano;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new HashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    RateLimiter(int perMinute, LongSupplier nanos) {
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.nanos = nanos;
    }

    /** Nanoseconds until {@code key} has a whole token (0: it has one now). Takes nothing. */
    synchronized long waitNanos(String key) {
        Bucket b = refill(key);
        return b.tokens >= 1 ? 0 : (long) Math.ceil((1 - b.tokens) / perNano);
    }

    /** Takes one token from {@code key}'s bucket; call only after {@link #waitNanos} said 0. */
    synchronized void take(String key) {
        refill(key).tokens -= 1;
    }

    private Bucket refill(String key) {
        long now = nanos.getAsLong();
        if (buckets.size() > FORGET_ABOVE) {
            forgetFull(now);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perNano);
        b.at = now;
        return b;
    }

    private void forgetFull(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            if (b.tokens + (now - b.at) * perNano >= capacity) {
                it.remove();
            }
        }
    }
}
