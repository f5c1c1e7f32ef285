package io.linernotes.store;

import io.linernotes.config.StoreConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable log of essay changes: an increasing id per committed change, written in the change's own
 * transaction. It is the truth a process's search index follows: at start it applies {@link #changesSince} the
 * last id it applied; while running, {@link #onChange} wakes it. The wake-up is a hint, never the data: on
 * PostgreSQL a NOTIFY sent at commit (lost while a listener is disconnected, so a reconnected listener wakes once
 * anyway), on SQLite a poll of {@link #latestChange} every {@code store.pollMillis}.
 *
 * <p>The change counter ({@code meta.change_counter}) grows by one per committed write that logged changes, as
 * before the log existed: an index records it to see at start whether the store changed behind it.
 */
public final class ChangeLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

    /** What happened to an essay. {@code import} is an essay added by a bulk import. */
    public static final Set<String> ACTIONS = Set.of("add", "edit", "remove", "restore", "import");

    /** One committed change of essay {@code essayId} (of {@code scope}), at {@code at}. */
    public record Change(long id, long essayId, String action, String scope, Instant at) {
    }

    private final Database db;
    private final StoreConfig config;
    private final Function<String, String> env;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Thread watcher;
    private volatile boolean closed;

    ChangeLog(Database db, StoreConfig config, Function<String, String> env) {
        this.db = db;
        this.config = config;
        this.env = env;
    }

    /** Writes the transaction's changes, moves the counter, and (PostgreSQL) queues the NOTIFY for its commit. */
    void append(Transaction tx) throws SQLException {
        if (tx.changes().isEmpty()) {
            return;
        }
        Connection connection = tx.connection();
        // The counter's row is locked until commit: every essay write queues here before it takes a change id,
        // so ids are handed out in commit order and a follower never sees id N+1 before N is committed.
        try (Statement bump = connection.createStatement()) {
            bump.executeUpdate("UPDATE meta SET value = value + 1 WHERE key = 'change_counter'");
        }
        long last = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO essay_changes"
                + " (essay_id, action, scope, changed_at) VALUES (?, ?, ?, ?) RETURNING id")) {
            for (Transaction.Pending change : tx.changes()) {
                insert.setLong(1, change.essayId());
                insert.setString(2, change.action());
                insert.setString(3, change.scope());
                insert.setLong(4, tx.now());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
            }
        }
        if (db.dialect() == Dialect.POSTGRESQL) {
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, Dialect.CHANGE_CHANNEL);
                notify.setString(2, Long.toString(last));
                notify.execute();
            }
        }
    }

    /** Committed changes with an id above {@code afterId}, oldest first, at most {@code limit}. */
    public List<Change> changesSince(long afterId, int limit) {
        return db.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, essay_id, action, scope,"
                    + " changed_at FROM essay_changes WHERE id > ? ORDER BY id LIMIT ?")) {
                select.setLong(1, afterId);
                select.setInt(2, limit);
                List<Change> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
                return out;
            }
        });
    }

    /** Committed changes with an id above {@code afterId}, oldest first (at most 100,000; page with the limit). */
    public List<Change> changesSince(long afterId) {
        return changesSince(afterId, 100_000);
    }

    /** The id of the newest committed change; 0 when there is none. */
    public long latestChange() {
        return db.read(ChangeLog::latest);
    }

    /** The change counter: grows by one with every committed write that changed essays. */
    public long changeCounter() {
        return db.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'change_counter'")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        });
    }

    private static long latest(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM essay_changes")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Runs {@code listener} (on the log's own thread) after changes are committed, by this process or another;
     * also once after a lost PostgreSQL listener reconnects, since notifications sent meanwhile are gone. A listener
     * reads {@link #changesSince} itself: several commits may wake it once. Closing the handle stops the calls.
     */
    public synchronized AutoCloseable onChange(Runnable listener) {
        if (closed) {
            throw new StoreException("the store is closed");
        }
        listeners.add(listener);
        if (watcher == null) {
            Runnable loop;
            java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
            if (db.dialect() == Dialect.POSTGRESQL) {
                loop = new PostgresListener(config, env, db.displayUrl(), this::wake, () -> closed, ready::countDown);
            } else {
                long start = readLatestOr(-1);
                loop = () -> poll(start);
                ready.countDown();
            }
            watcher = new Thread(loop, "linernotes-change-log");
            watcher.setDaemon(true);
            watcher.start();
            // Once this returns, every later commit wakes the listener: a follower subscribes, then reads the log
            // once, and misses nothing in between.
            try {
                ready.await(config.connectTimeoutSeconds() + 1L, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return () -> listeners.remove(listener);
    }

    private long readLatestOr(long fallback) {
        try {
            return latestChange();
        } catch (StoreException e) {
            return fallback;
        }
    }

    private void poll(long start) {
        long seen = start;
        while (!closed) {
            try {
                Thread.sleep(config.pollMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                long latest = latestChange();
                if (latest != seen) {
                    wake();
                }
                seen = latest;
            } catch (StoreException e) {
                if (!closed) {
                    log.warn("Could not read the change log of {}: {}", db.displayUrl(), e.getMessage());
                }
            }
        }
    }

    private void wake() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A change-log listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = watcher;
            watcher = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
