package io.linernotes.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.linernotes.config.StoreConfig;
import io.linernotes.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The durable store every part of Liner Notes writes to: a SQLite file (the default, one process, no server) or a
 * PostgreSQL database (several processes), chosen by {@code store.url}. Opening it migrates the schema with
 * Flyway. Work is done through {@link #read} and {@link #write}: a write is one transaction that commits whole or
 * not at all, and logs the essay changes it made ({@link Transaction#essayChanged}) in the same transaction.
 *
 * <p>SQLite gets one connection guarded by a lock (SQLite serialises writers anyway); PostgreSQL a HikariCP pool,
 * which also reconnects when a lost server comes back. A lost server makes a call fail with
 * {@link StoreUnavailableException}, whose message names the store without its password.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    public static final String DEFAULT_FILE = "linernotes.db";
    static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

    /** Work that reads. */
    @FunctionalInterface
    public interface Read<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work done in one write transaction. */
    @FunctionalInterface
    public interface Write<T> {
        T run(Transaction tx) throws SQLException;
    }

    private final Dialect dialect;
    private final String displayUrl;
    private final Connections connections;
    private final Clock clock;
    private final int schemaVersion;
    private final ChangeLog changeLog;
    private final Path sqliteFile;

    private Database(Dialect dialect, String displayUrl, Connections connections, Clock clock, int schemaVersion,
            StoreConfig config, Function<String, String> env, Path sqliteFile) {
        this.dialect = dialect;
        this.displayUrl = displayUrl;
        this.connections = connections;
        this.clock = clock;
        this.schemaVersion = schemaVersion;
        this.sqliteFile = sqliteFile;
        this.changeLog = new ChangeLog(this, config, env);
    }

    /** Opens the store {@code config} names, migrated to this release's schema; a SQLite default lives in {@code dataDir}. */
    public static Database open(StoreConfig config, Path dataDir, Function<String, String> env) {
        return open(config, dataDir, env, Clock.systemUTC());
    }

    public static Database open(StoreConfig config, Path dataDir, Function<String, String> env, Clock clock) {
        if (config.isPostgres()) {
            return openPostgres(config, env, clock);
        }
        Path file = config.url() == null ? dataDir.resolve(DEFAULT_FILE)
                : Path.of(config.url().substring("jdbc:sqlite:".length()));
        return openSqlite(file, config, clock);
    }

    /** The default store: the SQLite file {@code file}, default settings. */
    public static Database sqlite(Path file) {
        return openSqlite(file, StoreConfig.defaults(), Clock.systemUTC());
    }

    public static Database sqlite(Path file, Clock clock) {
        return openSqlite(file, StoreConfig.defaults(), clock);
    }

    private static Database openSqlite(Path file, StoreConfig config, Clock clock) {
        Path dbFile = file.toAbsolutePath();
        String url = "jdbc:sqlite:" + dbFile;
        try {
            Path parent = dbFile.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            PrivateFiles.file(dbFile);
            SQLiteConfig sqlite = sqliteConfig();
            SQLiteDataSource source = new SQLiteDataSource(sqlite);
            source.setUrl(url);
            int version = Migrations.migrate(source, Dialect.SQLITE, clock.millis());
            Connection connection = source.getConnection();
            log.info("Opened the store {} at schema version {}", dbFile, version);
            return new Database(Dialect.SQLITE, url, new Connections.Single(connection), clock, version, config,
                    name -> null, dbFile);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the store " + dbFile + ": " + e.getMessage(), e);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw new StoreException("cannot migrate the store " + dbFile + ": " + flywayReason(e), e);
        }
    }

    /** WAL journal, foreign keys on, a busy timeout, and the write lock taken when a transaction begins. */
    static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
        // Take the write lock when a transaction begins, not half-way through it, so two processes
        // sharing the file wait for each other instead of failing with SQLITE_BUSY mid-transaction.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    private static Database openPostgres(StoreConfig config, Function<String, String> env, Clock clock) {
        String shown = StoreConfig.withoutPassword(config.url());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("linernotes-store");
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        String password = env.apply(config.passwordEnv());
        if (password != null && !password.isEmpty()) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        long timeoutMillis = config.connectTimeoutSeconds() * 1000L;
        hikari.setConnectionTimeout(Math.max(250, timeoutMillis));
        hikari.setInitializationFailTimeout(timeoutMillis);
        hikari.setValidationTimeout(Math.max(250, Math.min(timeoutMillis, 5_000)));
        hikari.addDataSourceProperty("connectTimeout", String.valueOf(config.connectTimeoutSeconds()));
        hikari.addDataSourceProperty("ApplicationName", "linernotes");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot reach the store at " + shown + ": " + rootMessage(e)
                    + " (is the PostgreSQL server running, and is the password in " + config.passwordEnv() + "?)", e);
        }
        try {
            int version = Migrations.migrate(pool, Dialect.POSTGRESQL, clock.millis());
            log.info("Opened the store {} at schema version {}", shown, version);
            return new Database(Dialect.POSTGRESQL, shown, new Connections.Pooled(pool), clock, version, config, env,
                    null);
        } catch (org.flywaydb.core.api.FlywayException | StoreException e) {
            pool.close();
            if (Dialect.isConnectionLoss(e)) {
                throw new StoreUnavailableException("cannot reach the store at " + shown + ": " + rootMessage(e), e);
            }
            throw new StoreException("cannot migrate the store " + shown + ": "
                    + (e instanceof org.flywaydb.core.api.FlywayException f ? flywayReason(f) : e.getMessage()), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The store's URL without any password: safe for logs and messages. */
    public String displayUrl() {
        return displayUrl;
    }

    /** The SQLite file of this store; empty on PostgreSQL. */
    public java.util.Optional<Path> sqliteFile() {
        return java.util.Optional.ofNullable(sqliteFile);
    }

    /** The Flyway schema version the store was at when opened. */
    public int schemaVersion() {
        return schemaVersion;
    }

    public ChangeLog changeLog() {
        return changeLog;
    }

    Clock clock() {
        return clock;
    }

    /** Runs {@code work} on a connection; a failure becomes a {@link StoreException} naming {@code what}. */
    public <T> T read(Read<T> work) {
        try {
            return connections.read(work);
        } catch (SQLException e) {
            throw failure("reading the store failed", e);
        }
    }

    /**
     * Runs {@code work} in one transaction. The essay changes it records go to the change log, and the change
     * counter grows, in the same transaction; on PostgreSQL the commit also wakes the other processes with NOTIFY.
     * If anything throws, everything it did is rolled back and the store refuses the {@code what} as a whole.
     */
    public <T> T write(String what, Write<T> work) {
        try {
            return connections.write(connection -> {
                Transaction tx = new Transaction(connection, dialect, clock.millis());
                T result = work.run(tx);
                changeLog.append(tx);
                return result;
            });
        } catch (SQLException e) {
            throw failure("the store refused the " + what, e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        if (dialect == Dialect.POSTGRESQL && Dialect.isConnectionLoss(e)) {
            return new StoreUnavailableException(what + ": the store at " + displayUrl + " cannot be reached ("
                    + rootMessage(e) + "); nothing was stored, try again when it is back", e);
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return StoreConfig.withoutPassword(message);
    }

    private static String flywayReason(org.flywaydb.core.api.FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException store) {
                return store.getMessage();
            }
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        changeLog.close();
        try {
            connections.close();
        } catch (SQLException e) {
            log.warn("Closing the store {} failed", displayUrl, e);
        }
    }
}
