package io.linernotes.discord;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool answers are computed on, so the gateway thread never waits for a model. When every
 * worker is busy and the queue is full, {@link #submit} says no instead of piling work up: the caller
 * then tells the user the bot is busy.
 */
public final class WorkQueue {
    private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

    private final ThreadPoolExecutor executor;

    public WorkQueue(int workers, int queueSize) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "linernotes-discord-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueSize), threads, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Whether a task submitted now would probably be accepted (a hint; {@link #submit} decides). */
    public boolean hasRoom() {
        return !executor.isShutdown()
                && (executor.getActiveCount() < executor.getMaximumPoolSize()
                        || executor.getQueue().remainingCapacity() > 0);
    }

    /** Runs {@code task} later; false when the queue is full or shutting down. */
    public boolean submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("a Discord task failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops taking tasks and lets the queued ones finish, waiting at most {@code millis}. */
    public boolean drain(long millis) throws InterruptedException {
        executor.shutdown();
        boolean done = executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
        if (!done) {
            log.warn("{} Discord tasks still running at shutdown; interrupting them", executor.getActiveCount());
            executor.shutdownNow();
        }
        return done;
    }
}
