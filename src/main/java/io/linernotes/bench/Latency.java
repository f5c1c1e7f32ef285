package io.linernotes.bench;

import java.util.Arrays;

/** Latencies of repeated calls in milliseconds: count, median and 99th percentile (nearest rank). */
public record Latency(int count, double p50Ms, double p99Ms, double maxMs) {

    public static Latency of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latency(0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the values at or under it. */
    static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
