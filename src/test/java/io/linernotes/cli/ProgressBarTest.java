package io.linernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {

    @ParameterizedTest(name = "{0} of {1} at {2}/s: ''{3}''")
    @CsvSource({
        "0, 6000, 50, 2m 0s left",
        "3000, 6000, 50, 1m 0s left",
        "5990, 6000, 5, 2s left",
        "10, 600000, 50, 3h 20m left",
        "6000, 6000, 50, done"})
    void lineSaysRateAndTimeLeft(long done, long total, double rate, String ending) {
        String line = ProgressBar.line("indexing", done, total, rate);
        assertTrue(line.strip().endsWith(ending), line);
        assertTrue(line.contains(done + "/" + total), line);
    }

    @Test
    @DisplayName("the rate is measured over the recent window: a resumed import's instant cache hits fade out")
    void rateFollowsTheRecentPace() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(sink, true, StandardCharsets.UTF_8), "indexing", now::get);
        bar.update(0, 10_000);
        now.addAndGet(100_000_000L);
        bar.update(5_000, 10_000); // half from the cache in a tenth of a second
        for (int i = 1; i <= 60; i++) {
            now.addAndGet(1_000_000_000L);
            bar.update(5_000 + 40L * i, 10_000); // then 40 a second, computed
        }
        assertEquals(40.0, bar.rate(), 0.5);
        String shown = sink.toString(StandardCharsets.UTF_8);
        String last = shown.substring(shown.lastIndexOf('\r') + 1);
        assertTrue(last.contains("7400/10000") && last.contains("40.0/s") && last.contains("1m 5s left"), last);
    }
}
