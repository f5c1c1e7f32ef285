package io.linernotes.essay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection shared by every thread under a lock, with the two ways the store uses it: a
 * read, and a write that is one transaction and bumps the change counter when it changed any row.
 */
final class LockedConnection implements AutoCloseable {

    /** Work done under the lock; may read only. */
    @FunctionalInterface
    interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work done in one write transaction, at time {@code now} (epoch millis). */
    @FunctionalInterface
    interface Write<T> {
        T run(Connection connection, long now) throws SQLException;
    }

    private final Connection connection;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    LockedConnection(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    <T> T read(Read<T> work) {
        lock.lock();
        try {
            checkOpen();
            return work.run(connection);
        } catch (SQLException e) {
            throw new EssayStoreException("reading the essay database failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} in one transaction. If it changed any row, the change counter grows in the same
     * transaction; if it throws, everything it did is rolled back.
     */
    <T> T write(String what, Write<T> work) {
        lock.lock();
        try {
            checkOpen();
            connection.setAutoCommit(false);
            T result;
            try {
                long before = totalChanges();
                result = work.run(connection, clock.millis());
                if (totalChanges() != before) {
                    try (Statement bump = connection.createStatement()) {
                        bump.executeUpdate("UPDATE meta SET value = value + 1 WHERE key = 'change_counter'");
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                // SQLite may already have rolled back (a full disk does): the cause the user needs is the first
                // failure, so clean-up failures are attached to it rather than thrown in its place.
                quietly(e, connection::rollback);
                quietly(e, () -> connection.setAutoCommit(true));
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw new EssayStoreException("the essay database refused the " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void quietly(Exception primary, SqlAction action) {
        try {
            action.run();
        } catch (SQLException | RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** Rows changed by this connection since it opened (SQLite's own count). */
    private long totalChanges() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT total_changes()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new EssayStoreException("the essay store is closed");
        }
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                connection.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
