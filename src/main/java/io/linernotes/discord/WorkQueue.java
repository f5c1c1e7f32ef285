package io.linernotes.discord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded, fair pool answers are computed on, so the gateway thread never waits for a model. Work is
 * queued per asker (a user id) and served by start-time fair queueing: each task starts at the later of the
 * virtual "now" (the start tag of the task last taken) and the finish of its asker's previous task, and workers
 * take the smallest start. A quiet user's question starts at "now", ahead of the backlog of someone who asked
 * ten, instead of waiting behind it. When the queue
 * holds {@code queueSize} tasks, or one asker already has {@code perAsker} waiting, {@link #submit} says no
 * instead of piling work up: the caller then tells the user the bot is busy.
 */
public final class WorkQueue {
    private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);
    private static final String SHARED = "";

    private record Task(long tag, long seq, String key, Runnable work) {
    }

    private final int capacity;
    private final int perAsker;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            (a, b) -> a.tag != b.tag ? Long.compare(a.tag, b.tag) : Long.compare(a.seq, b.seq));
    private final Map<String, Long> lastTag = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private long virtualNow;
    private long seq;
    private int active;
    private boolean open = true;

    public WorkQueue(int workers, int queueSize) {
        this("discord", workers, queueSize);
    }

    /** {@code name} names the worker threads ({@code linernotes-<name>-<n>}). */
    public WorkQueue(String name, int workers, int queueSize) {
        this.capacity = queueSize;
        // One asker may fill at most a quarter of the queue (and always at least a few): the rest stays for others.
        this.perAsker = Math.max(3, queueSize / 4);
        for (int i = 1; i <= workers; i++) {
            Thread t = new Thread(this::work, "linernotes-" + name + "-" + i);
            t.setDaemon(true);
            this.workers.add(t);
            t.start();
        }
    }

    /** Whether a task from anyone submitted now would probably be accepted (a hint; {@link #submit} decides). */
    public boolean hasRoom() {
        return hasRoom(SHARED);
    }

    /** Whether a task from {@code asker} submitted now would probably be accepted. */
    public synchronized boolean hasRoom(String asker) {
        return open && queue.size() < capacity && waiting.getOrDefault(asker, 0) < perAsker;
    }

    /** Runs {@code task} later in the shared lane; false when the queue is full or shutting down. */
    public boolean submit(Runnable task) {
        return submit(SHARED, task);
    }

    /** Runs {@code task} later, fairly among askers; false when the queue or the asker's share is full. */
    public synchronized boolean submit(String asker, Runnable task) {
        if (!hasRoom(asker)) {
            return false;
        }
        long tag = Math.max(virtualNow, lastTag.getOrDefault(asker, 0L));
        lastTag.put(asker, tag + 1);
        waiting.merge(asker, 1, Integer::sum);
        queue.add(new Task(tag, seq++, asker, task));
        notifyAll();
        return true;
    }

    private void work() {
        while (true) {
            Task task;
            synchronized (this) {
                while (queue.isEmpty() && open) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                task = queue.poll();
                if (task == null) {
                    return;
                }
                virtualNow = Math.max(virtualNow, task.tag);
                waiting.computeIfPresent(task.key, (k, n) -> n == 1 ? null : n - 1);
                if (!waiting.containsKey(task.key)) {
                    // Nothing of this asker waits: its finish tag is at most "now" + 1; forgetting it keeps the map
                    // as small as the backlog.
                    lastTag.remove(task.key);
                }
                active++;
            }
            try {
                task.work.run();
            } catch (RuntimeException e) {
                log.error("a Discord task failed", e);
            } finally {
                synchronized (this) {
                    active--;
                    notifyAll();
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Tasks waiting (not yet started). */
    public synchronized int waiting() {
        return queue.size();
    }

    /** Stops taking tasks and lets the queued ones finish, waiting at most {@code millis}. */
    public boolean drain(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            open = false;
            notifyAll();
            while (!queue.isEmpty() || active > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            if (queue.isEmpty() && active == 0) {
                return true;
            }
            log.warn("{} Discord tasks still running at shutdown; interrupting them", active + queue.size());
            queue.clear();
        }
        workers.forEach(Thread::interrupt);
        return false;
    }
}
