package io.linernotes.discord.shard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate shared by every process of one bot through their PostgreSQL store: one session advisory lock per
 * bucket, taken on a connection of its own before the IDENTIFY and released {@link #SPACING} after it.
 * Another process asking for the same bucket waits in the database until then.
 *
 * <p>A session lock dies with its connection, so a process killed while it holds a bucket would open it at once.
 * Each IDENTIFY is therefore also recorded, before it is sent, in {@code identify_buckets} by the database's own
 * clock (one clock for every machine), and again when it has been sent; the next holder first waits until the
 * spacing has passed since that end. A holder that let go between the two (killed while connecting) may have sent
 * its frame at any moment until it let go, which is before the next holder could take the bucket, so the next
 * holder then waits the whole spacing.
 */
public final class PostgresIdentifyGate implements IdentifyGate {
    private static final Logger log = LoggerFactory.getLogger(PostgresIdentifyGate.class);
    /** The first key of every IDENTIFY lock ("LNID" in ASCII), so they meet no other advisory lock of the store. */
    static final int LOCK_SPACE = 0x4C4E4944;
    /** How long one wait in the database lasts before the gate checks whether the process is stopping. */
    private static final String WAIT_SLICE = "1s";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** The database's clock in milliseconds: the same for every process, whatever their machines' clocks say. */
    private static final String NOW_MS = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";

    private final DataSource store;
    private final Duration spacing;

    public PostgresIdentifyGate(DataSource store) {
        this(store, SPACING);
    }

    /** A gate with another spacing (tests of the gate itself; the bot always uses {@link #SPACING}). */
    PostgresIdentifyGate(DataSource store, Duration spacing) {
        this.store = store;
        this.spacing = spacing;
    }

    @Override
    public void pass(int bucket, Identify identify) throws InterruptedException {
        Connection connection = open();
        try {
            lock(connection, bucket);
            try {
                waitOutLastIdentify(connection, bucket);
                record(connection, bucket);
                Holding.runAndHold(() -> {
                    try {
                        identify.run();
                    } finally {
                        markSent(connection, bucket);
                    }
                }, spacing);
            } finally {
                unlock(connection, bucket);
            }
        } finally {
            close(connection);
        }
    }

    private Connection open() {
        try {
            Connection connection = store.getConnection();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw new GateUnavailableException("no connection to the store for the IDENTIFY lock", e);
        }
    }

    /** Waits in the database for the bucket, one slice at a time so that a stopping process is noticed. */
    private static void lock(Connection connection, int bucket) throws InterruptedException {
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET lock_timeout = '" + WAIT_SLICE + "'");
        } catch (SQLException e) {
            throw new GateUnavailableException("could not prepare the IDENTIFY lock", e);
        }
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while waiting for IDENTIFY bucket " + bucket);
            }
            try (PreparedStatement take = connection.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
                take.setInt(1, LOCK_SPACE);
                take.setInt(2, bucket);
                take.execute();
                return;
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw new GateUnavailableException("could not take IDENTIFY bucket " + bucket, e);
                }
                log.debug("IDENTIFY bucket {} is held by another session; still waiting", bucket);
            }
        }
    }

    /**
     * Sleeps until {@code spacing} has passed since the end of the bucket's last IDENTIFY, by the database's clock;
     * the whole spacing when its holder let go before the end was recorded.
     */
    private void waitOutLastIdentify(Connection connection, int bucket) throws InterruptedException {
        try (PreparedStatement last = connection.prepareStatement("SELECT identified_ms, sent_ms, " + NOW_MS
                + " FROM identify_buckets WHERE bucket = ?")) {
            last.setInt(1, bucket);
            try (ResultSet r = last.executeQuery()) {
                if (r.next()) {
                    long sent = r.getLong(2);
                    boolean finished = !r.wasNull();
                    long left = finished ? sent + spacing.toMillis() - r.getLong(3) : spacing.toMillis();
                    if (left > 0) {
                        log.info("IDENTIFY bucket {} was {} by a process that let go early; waiting {} ms", bucket,
                                finished ? "used " + (spacing.toMillis() - left) + " ms ago" : "left mid-IDENTIFY", left);
                        Thread.sleep(left);
                    }
                }
            }
        } catch (SQLException e) {
            throw new GateUnavailableException("could not read IDENTIFY bucket " + bucket, e);
        }
    }

    /** Records this IDENTIFY before it is sent, so that a kill right after it still leaves the bucket closed. */
    private static void record(Connection connection, int bucket) {
        try (PreparedStatement mark = connection.prepareStatement("INSERT INTO identify_buckets (bucket, identified_ms)"
                + " VALUES (?, " + NOW_MS + ") ON CONFLICT (bucket) DO UPDATE SET identified_ms = EXCLUDED.identified_ms,"
                + " sent_ms = NULL")) {
            mark.setInt(1, bucket);
            mark.executeUpdate();
        } catch (SQLException e) {
            throw new GateUnavailableException("could not record IDENTIFY bucket " + bucket, e);
        }
    }

    /**
     * Records that this IDENTIFY has ended (JDA returns once the session is ready, so the frame has left). A failure
     * only costs the next holder the whole spacing: the shard is connected, so it is logged, never thrown.
     */
    private static void markSent(Connection connection, int bucket) {
        try (PreparedStatement mark = connection.prepareStatement("UPDATE identify_buckets SET sent_ms = " + NOW_MS
                + " WHERE bucket = ?")) {
            mark.setInt(1, bucket);
            mark.executeUpdate();
        } catch (SQLException e) {
            log.warn("could not record the end of IDENTIFY bucket {}; the next holder waits the whole spacing: {}",
                    bucket, e.getMessage());
        }
    }

    private static void unlock(Connection connection, int bucket) {
        try (PreparedStatement release = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            release.setInt(1, LOCK_SPACE);
            release.setInt(2, bucket);
            try (ResultSet r = release.executeQuery()) {
                if (!r.next() || !r.getBoolean(1)) {
                    log.warn("IDENTIFY bucket {} was no longer held at release (was the connection reset?)", bucket);
                }
            }
        } catch (SQLException e) {
            // The connection is gone, and the session lock with it: the bucket is open either way.
            log.warn("could not release IDENTIFY bucket {}: {}", bucket, e.getMessage());
        }
    }

    private static void close(Connection connection) {
        try (connection; Statement reset = connection.createStatement()) {
            reset.execute("RESET lock_timeout");
        } catch (SQLException e) {
            log.debug("could not reset the IDENTIFY lock's connection", e);
        }
    }

    @Override
    public String describe() {
        return "the PostgreSQL store (advisory locks)";
    }

    /** The database could not be asked for a bucket; the IDENTIFY is tried again later. */
    public static final class GateUnavailableException extends RuntimeException {
        GateUnavailableException(String message, Throwable cause) {
            super(message + ": " + cause.getMessage(), cause);
        }
    }
}
