package io.linernotes.discord.shard;

import java.time.Duration;

/** What every gate does once it holds a bucket: identify, then keep holding for the spacing. */
final class Holding {
    private Holding() {
    }

    /**
     * Runs {@code identify}, then waits until {@code spacing} has passed since it returned. The wait is the rule
     * itself (the bucket stays closed that long), not a guess at how long something else takes. An interrupt
     * during the hold ends it early and is kept for the caller: the process is stopping.
     */
    static void runAndHold(IdentifyGate.Identify identify, Duration spacing) throws InterruptedException {
        try {
            identify.run();
        } finally {
            long until = System.nanoTime() + spacing.toNanos();
            boolean interrupted = false;
            for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
