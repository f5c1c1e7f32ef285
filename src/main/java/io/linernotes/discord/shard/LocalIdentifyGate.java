package io.linernotes.discord.shard;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The gate of a bot that runs in one process (the SQLite default): one fair permit per bucket in memory.
 * It spaces only this process's IDENTIFYs; two processes of one bot need {@link PostgresIdentifyGate}.
 */
public final class LocalIdentifyGate implements IdentifyGate {
    private final Map<Integer, Semaphore> buckets = new ConcurrentHashMap<>();
    private final Duration spacing;

    public LocalIdentifyGate() {
        this(SPACING);
    }

    /** A gate with another spacing (tests of the gate itself; the bot always uses {@link #SPACING}). */
    LocalIdentifyGate(Duration spacing) {
        this.spacing = spacing;
    }

    @Override
    public void pass(int bucket, Identify identify) throws InterruptedException {
        Semaphore permit = buckets.computeIfAbsent(bucket, b -> new Semaphore(1, true));
        permit.acquire();
        try {
            Holding.runAndHold(identify, spacing);
        } finally {
            permit.release();
        }
    }

    @Override
    public String describe() {
        return "this process";
    }
}
