package io.linernotes.essay;

import java.util.function.LongSupplier;

/**
 * The time one file may take to read ({@code essays.importSeconds}), checked between its steps and between
 * the records of a bulk file. The readers scan in time linear in the input; this is the bound that holds even
 * if one of them someday does not, so one upload can never hold a worker for minutes.
 */
final class ReadBudget {
    private final int seconds;
    private final long endNanos;
    private final LongSupplier nanos;

    ReadBudget(int seconds, LongSupplier nanos) {
        this.seconds = seconds;
        this.nanos = nanos;
        this.endNanos = nanos.getAsLong() + seconds * 1_000_000_000L;
    }

    void check() throws EssayFormatException {
        if (nanos.getAsLong() - endNanos > 0) {
            throw new EssayFormatException("reading it took longer than the " + seconds
                    + " s an import may take (essays.importSeconds); nothing was stored");
        }
    }
}
