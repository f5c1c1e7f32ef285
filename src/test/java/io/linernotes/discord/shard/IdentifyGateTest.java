package io.linernotes.discord.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.StoreConfig;
import io.linernotes.store.Database;
import io.linernotes.store.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The IDENTIFY gates on their own: the in-process one, and the PostgreSQL one against a real server, where two
 * gates over one database stand for two bot processes. Spacings here are shorter than Discord's 5 s to keep the
 * tests quick; the bot always uses {@link IdentifyGate#SPACING} (the multi-process test checks that one).
 */
@DisplayName("IDENTIFY gates space the IDENTIFYs of one bucket and leave other buckets alone")
class IdentifyGateTest {
    private static final Duration SPACING = Duration.ofMillis(800);
    /** A database of the real server, migrated like a bot's store (the gate records IDENTIFYs in a table of it). */
    static DataSource store;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void startPostgres(@TempDir Path dataDir) {
        String url = TestPostgres.freshDatabase();
        Database.open(StoreConfig.defaults().withUrl(url), dataDir, name -> null).close();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        store = source;
    }

    @org.junit.jupiter.api.AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    @DisplayName("in one process: IDENTIFYs of one bucket start at least the spacing apart")
    void localGateSpacesOneBucket() throws Exception {
        LocalIdentifyGate gate = new LocalIdentifyGate(SPACING);
        assertSpaced(List.of(gate, gate, gate), 0);
    }

    @Test
    @DisplayName("across two processes sharing PostgreSQL: IDENTIFYs of one bucket start at least the spacing apart")
    void postgresGateSpacesOneBucketAcrossProcesses() throws Exception {
        PostgresIdentifyGate a = new PostgresIdentifyGate(store, SPACING);
        PostgresIdentifyGate b = new PostgresIdentifyGate(store, SPACING);
        assertSpaced(List.of(a, b, a, b), 3);
    }

    @Test
    @DisplayName("different buckets do not wait for each other")
    void bucketsAreIndependent() throws Exception {
        PostgresIdentifyGate a = new PostgresIdentifyGate(store, Duration.ofSeconds(30));
        PostgresIdentifyGate b = new PostgresIdentifyGate(store, Duration.ofSeconds(30));
        CountDownLatch bothIn = new CountDownLatch(2);
        Future<?> first = pool.submit(() -> passQuietly(a, 10, bothIn::countDown));
        Future<?> second = pool.submit(() -> passQuietly(b, 11, bothIn::countDown));
        assertTrue(bothIn.await(10, TimeUnit.SECONDS), "both buckets identified while the other was held");
        first.cancel(true);
        second.cancel(true);
    }

    @Test
    @DisplayName("a holder whose connection dies (a killed process) frees its bucket")
    void deadHolderFreesTheBucket() throws Exception {
        DataSource db = store;
        try (Connection holder = db.getConnection();
                PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, PostgresIdentifyGate.LOCK_SPACE);
            lock.setInt(2, 20);
            lock.execute();
            CountDownLatch identified = new CountDownLatch(1);
            Future<?> waiting = pool.submit(() -> passQuietly(new PostgresIdentifyGate(db, SPACING), 20,
                    identified::countDown));
            assertFalse(identified.await(1_500, TimeUnit.MILLISECONDS), "waits while the bucket is held");
            holder.close();
            assertTrue(identified.await(10, TimeUnit.SECONDS), "identifies once the holder's connection is gone");
            waiting.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a process that stops while waiting gives up without identifying, and its bucket lock is never taken")
    void interruptWhileWaitingGivesUp() throws Exception {
        DataSource db = store;
        PostgresIdentifyGate holder = new PostgresIdentifyGate(db, Duration.ofSeconds(30));
        CountDownLatch held = new CountDownLatch(1);
        Future<?> holding = pool.submit(() -> passQuietly(holder, 30, held::countDown));
        assertTrue(held.await(10, TimeUnit.SECONDS));
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                new PostgresIdentifyGate(db, SPACING).pass(30, () -> ran.add("identified"));
                outcome.set(new AssertionError("passed a held bucket"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        waiter.start();
        waiter.join(1_500);
        assertTrue(waiter.isAlive(), "waits while the bucket is held");
        waiter.interrupt();
        waiter.join(10_000);
        assertFalse(waiter.isAlive(), "gave up after the interrupt");
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));
        holding.cancel(true);
        // The cancelled waiter must not run its IDENTIFY later, and after the holder stops the bucket is free.
        assertTrue(awaitFree(db, 30), "the bucket is free once the holder stopped");
        assertEquals(List.of(), ran, "the cancelled waiter never identified");
    }

    @Test
    @DisplayName("a process killed right after its IDENTIFY (its lock gone with it) still keeps the bucket closed for the spacing")
    void killedIdentifierKeepsTheSpacing() throws Exception {
        Duration spacing = Duration.ofSeconds(2);
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        // The killed process: it held the bucket, recorded and sent its IDENTIFY, then died, so its session lock
        // went at once. The test stands for it with a gate whose IDENTIFY closes every connection of the gate's
        // session by ending the backend, as a kill -9 of the JVM would.
        PostgresIdentifyGate killed = new PostgresIdentifyGate(store, spacing);
        CountDownLatch died = new CountDownLatch(1);
        Future<?> dying = pool.submit(() -> passQuietly(killed, 40, () -> {
            starts.add(System.nanoTime());
            endHolderOf(40);
            died.countDown();
        }));
        assertTrue(died.await(10, TimeUnit.SECONDS), "the holder identified and was killed");
        assertTrue(awaitFree(store, 40), "the killed holder's lock is gone");
        PostgresIdentifyGate next = new PostgresIdentifyGate(store, spacing);
        next.pass(40, () -> starts.add(System.nanoTime()));
        dying.cancel(true);
        assertEquals(2, starts.size());
        long gap = starts.get(1) - starts.get(0);
        assertTrue(gap >= spacing.toNanos() - TimeUnit.MILLISECONDS.toNanos(20), "the next IDENTIFY came "
                + gap / 1_000_000 + " ms after the killed one's, spacing " + spacing.toMillis() + " ms");
    }

    @Test
    @DisplayName("a process killed while its IDENTIFY was still leaving (after the record) keeps the bucket closed for the spacing after the frame")
    void killedWhileConnectingKeepsTheSpacingFromTheFrame() throws Exception {
        Duration spacing = Duration.ofSeconds(2);
        List<Long> frames = Collections.synchronizedList(new ArrayList<>());
        // JDA sends the IDENTIFY frame only after the WebSocket handshake, a while after the gate recorded it; the
        // stand-in sends it 300 ms late and is killed right after, before the gate records the end.
        PostgresIdentifyGate killed = new PostgresIdentifyGate(store, spacing);
        CountDownLatch died = new CountDownLatch(1);
        Future<?> dying = pool.submit(() -> passQuietly(killed, 41, () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            frames.add(System.nanoTime());
            endHolderOf(41);
            died.countDown();
        }));
        assertTrue(died.await(10, TimeUnit.SECONDS), "the holder identified and was killed");
        assertTrue(awaitFree(store, 41), "the killed holder's lock is gone");
        new PostgresIdentifyGate(store, spacing).pass(41, () -> frames.add(System.nanoTime()));
        dying.cancel(true);
        assertEquals(2, frames.size());
        long gap = frames.get(1) - frames.get(0);
        assertTrue(gap >= spacing.toNanos(), "the next IDENTIFY left " + gap / 1_000_000
                + " ms after the killed one's frame, spacing " + spacing.toMillis() + " ms");
    }

    /** Ends the database session holding {@code bucket}'s lock, as a kill -9 of its JVM would. */
    private static void endHolderOf(int bucket) {
        try (Connection admin = store.getConnection(); java.sql.Statement end = admin.createStatement()) {
            end.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND granted AND classid = " + PostgresIdentifyGate.LOCK_SPACE + " AND objid = " + bucket);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitFree(DataSource db, int bucket) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = db.getConnection();
                PreparedStatement take = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)");
                PreparedStatement give = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            take.setInt(1, PostgresIdentifyGate.LOCK_SPACE);
            take.setInt(2, bucket);
            while (System.nanoTime() < deadline) {
                try (ResultSet r = take.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        give.setInt(1, PostgresIdentifyGate.LOCK_SPACE);
                        give.setInt(2, bucket);
                        give.execute();
                        return true;
                    }
                }
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** Every gate passes bucket {@code bucket} at once; their IDENTIFYs must come out one spacing apart. */
    private void assertSpaced(List<? extends IdentifyGate> gates, int bucket) throws Exception {
        List<Long> starts = Collections.synchronizedList(new ArrayList<>());
        List<Long> ends = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> runs = new ArrayList<>();
        for (IdentifyGate gate : gates) {
            runs.add(pool.submit(() -> {
                gate.pass(bucket, () -> {
                    starts.add(System.nanoTime());
                    Thread.sleep(50); // an IDENTIFY takes a moment: the spacing counts from its end
                    ends.add(System.nanoTime());
                });
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        List<Long> s = new ArrayList<>(starts);
        List<Long> e = new ArrayList<>(ends);
        Collections.sort(s);
        Collections.sort(e);
        assertEquals(gates.size(), s.size());
        for (int i = 1; i < s.size(); i++) {
            long gap = s.get(i) - e.get(i - 1);
            assertTrue(gap >= SPACING.toNanos(), "IDENTIFY " + i + " started " + gap / 1_000_000
                    + " ms after the previous one ended");
        }
    }

    private static Object passQuietly(IdentifyGate gate, int bucket, Runnable inside) throws InterruptedException {
        gate.pass(bucket, inside::run);
        return null;
    }
}
