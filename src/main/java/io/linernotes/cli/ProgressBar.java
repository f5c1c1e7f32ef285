package io.linernotes.cli;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on the error stream, redrawn in place: how far, how fast and how long is left. The
 * rate is measured over the last 20 seconds so that a resumed import, whose first passages
 * come from the embedding cache almost at once, does not promise a finish it cannot keep. Redraws at most
 * every 250 ms, and always at the end.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long WINDOW_NANOS = 20_000_000_000L;
    private static final long REDRAW_MILLIS = 250;

    private final PrintStream out;
    private final String label;
    private final LongSupplier nanoTime;
    /** (time, done) samples inside the window, oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private long lastDraw = Long.MIN_VALUE;
    private long lastTotal = -1;

    ProgressBar(PrintStream out, String label) {
        this(out, label, System::nanoTime);
    }

    ProgressBar(PrintStream out, String label, LongSupplier nanoTime) {
        this.out = out;
        this.label = label;
        this.nanoTime = nanoTime;
    }

    /** Reports {@code done} of {@code total}; a new total (the next phase) starts the rate afresh. */
    synchronized void update(long done, long total) {
        if (total <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (total != lastTotal || (!samples.isEmpty() && done < samples.peekLast()[1])) {
            samples.clear();
            lastTotal = total;
        }
        samples.addLast(new long[] {now, done});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        boolean end = done >= total;
        if (!end && lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_MILLIS * 1_000_000L) {
            return;
        }
        lastDraw = now;
        String text = line(label, done, total, rate());
        if (out instanceof SafePrintStream safe) {
            // The one carriage return the command line prints on purpose.
            safe.redraw(text);
        } else {
            out.print("\r" + text);
            out.flush();
        }
    }

    /** Items per second over the window, or NaN before there are two samples apart in time. */
    double rate() {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long nanos = last[0] - first[0];
        return nanos <= 0 ? Double.NaN : (last[1] - first[1]) * 1e9 / nanos;
    }

    /** The text of one redraw, e.g. {@code indexing [######    ] 1200/6000  48.2/s  1m 40s left}. */
    static String line(String label, long done, long total, double perSecond) {
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        StringBuilder sb = new StringBuilder(label).append(" [").append("#".repeat(filled))
                .append(" ".repeat(WIDTH - filled)).append("] ").append(done).append('/').append(total);
        if (done >= total) {
            return sb.append("  done").append(" ".repeat(12)).toString();
        }
        if (Double.isNaN(perSecond) || perSecond <= 0) {
            return sb.append("  --/s  time left unknown").toString();
        }
        long secondsLeft = (long) Math.ceil((total - done) / perSecond);
        return sb.append(String.format(Locale.ROOT, "  %.1f/s  %s left", perSecond, duration(secondsLeft))).toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return (seconds / 60) + "m " + (seconds % 60) + "s";
        }
        return (seconds / 3_600) + "h " + (seconds % 3_600 / 60) + "m";
    }
}
