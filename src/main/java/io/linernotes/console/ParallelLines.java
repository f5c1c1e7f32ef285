package io.linernotes.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a console session over piped input with several lines in flight at once, as the bot serves
 * several users at once: each line goes to a small bounded pool and its reply is printed whole when it
 * is done, so replies come in completion order. For scripts and load or crash tests; an interactive
 * user wants the plain one-at-a-time {@link ConsoleSession#run}. Follow-up questions lose their sense
 * here, since the lines before a question may not have been answered yet.
 */
public final class ParallelLines {

    private static final Logger log = LoggerFactory.getLogger(ParallelLines.class);

    private ParallelLines() {
    }

    /** Reads lines until end of input or {@code /quit}, handling up to {@code threads} at once. */
    public static void run(ConsoleSession session, BufferedReader in, PrintWriter out, int threads)
            throws IOException {
        // At most twice the pool waits: a fast writer on stdin is slowed down instead of filling memory.
        Semaphore slots = new Semaphore(threads * 2);
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>());
        synchronized (out) {
            out.println("Liner Notes console, " + threads + " lines at a time. Replies come as they are ready.");
            out.flush();
        }
        try {
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.strip();
                if (command.equals("/quit") || command.equals("/exit")) {
                    break;
                }
                if (command.isEmpty()) {
                    continue;
                }
                slots.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        String reply = session.handle(command);
                        // One reply is printed in one piece; an "Added essay #N" line is only ever printed
                        // after its write was committed to the store and the index.
                        synchronized (out) {
                            out.print(reply);
                            out.println();
                            out.flush();
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                    log.warn("Console lines still running after 10 minutes; leaving them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
        }
    }
}
