package io.linernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyTest {

    @ParameterizedTest(name = "{0} values 1..n ms: p50 {1}, p99 {2}")
    @CsvSource({"1, 1, 1", "2, 1, 2", "10, 5, 10", "100, 50, 99", "1000, 500, 990"})
    void nearestRankPercentiles(int n, double p50, double p99) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            nanos[n - 1 - i] = (i + 1) * 1_000_000L; // reversed: the order of calls must not matter
        }
        Latency l = Latency.of(nanos);
        assertEquals(n, l.count());
        assertEquals(p50, l.p50Ms(), 1e-9);
        assertEquals(p99, l.p99Ms(), 1e-9);
        assertEquals(n, l.maxMs(), 1e-9);
    }
}
