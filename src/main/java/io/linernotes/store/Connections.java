package io.linernotes.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/** Where a {@link Database} gets its connections: one locked SQLite connection, or a PostgreSQL pool. */
abstract sealed class Connections permits Connections.Single, Connections.Pooled {

    /** Work in one transaction on {@code connection}. */
    @FunctionalInterface
    interface InTransaction<T> {
        T run(Connection connection) throws SQLException;
    }

    abstract <T> T read(Database.Read<T> work) throws SQLException;

    abstract <T> T write(InTransaction<T> work) throws SQLException;

    abstract void close() throws SQLException;

    /** Commits {@code work} or rolls it back; the first failure is the one thrown. */
    static <T> T transaction(Connection connection, InTransaction<T> work) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // The engine may already have rolled back (SQLite on a full disk, a lost PostgreSQL connection): the
            // cause the user needs is the first failure, so clean-up failures are attached to it.
            quietly(e, connection::rollback);
            quietly(e, () -> connection.setAutoCommit(true));
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
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

    /** One SQLite connection shared by every thread under a lock. */
    static final class Single extends Connections {
        private final Connection connection;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean closed;

        Single(Connection connection) {
            this.connection = connection;
        }

        @Override
        <T> T read(Database.Read<T> work) throws SQLException {
            lock.lock();
            try {
                checkOpen();
                return work.run(connection);
            } finally {
                lock.unlock();
            }
        }

        @Override
        <T> T write(InTransaction<T> work) throws SQLException {
            lock.lock();
            try {
                checkOpen();
                return transaction(connection, work);
            } finally {
                lock.unlock();
            }
        }

        private void checkOpen() {
            if (closed) {
                throw new StoreException("the store is closed");
            }
        }

        @Override
        void close() throws SQLException {
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

    /** A HikariCP pool of PostgreSQL connections; each call borrows one. */
    static final class Pooled extends Connections {
        private final HikariDataSource pool;

        Pooled(HikariDataSource pool) {
            this.pool = pool;
        }

        @Override
        <T> T read(Database.Read<T> work) throws SQLException {
            checkOpen();
            try (Connection connection = pool.getConnection()) {
                return work.run(connection);
            }
        }

        @Override
        <T> T write(InTransaction<T> work) throws SQLException {
            checkOpen();
            try (Connection connection = pool.getConnection()) {
                return transaction(connection, work);
            }
        }

        private void checkOpen() {
            if (pool.isClosed()) {
                throw new StoreException("the store is closed");
            }
        }

        @Override
        void close() {
            pool.close();
        }
    }
}
