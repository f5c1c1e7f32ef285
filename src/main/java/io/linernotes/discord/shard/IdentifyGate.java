package io.linernotes.discord.shard;

/**
 * Spaces the gateway IDENTIFYs of one bot, across every process that runs its shards. Discord allows
 * {@code max_concurrency} IDENTIFYs per {@link #SPACING}, one per bucket, where a shard's bucket is
 * {@code shard_id % max_concurrency}; a shard that identifies too early is refused.
 *
 * <p>{@link #pass} runs one IDENTIFY while holding its bucket, and keeps the bucket held until {@link #SPACING}
 * after the IDENTIFY finished: the next holder, in this process or another, cannot start sooner.
 */
public interface IdentifyGate {
    /** Discord's window for one IDENTIFY per bucket. */
    java.time.Duration SPACING = java.time.Duration.ofSeconds(5);

    /** Something that sends an IDENTIFY and returns once it was sent (JDA's connect node). */
    @FunctionalInterface
    interface Identify {
        void run() throws InterruptedException;
    }

    /**
     * Waits for {@code bucket}, runs {@code identify}, and returns once the bucket has been held for
     * {@link #SPACING} after {@code identify} returned (or threw). An interrupt while waiting gives up without
     * running {@code identify}.
     */
    void pass(int bucket, Identify identify) throws InterruptedException;

    /** Where the gate keeps its locks, for logs: "this process" or the database. */
    String describe();
}
