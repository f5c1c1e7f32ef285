package io.linernotes.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One write transaction: its connection, the time it runs at, and the essay changes it makes. The changes are
 * written to the change log, and the change counter moves, in the same transaction, just before it commits.
 */
public final class Transaction {

    /** An essay change not yet in the log. */
    record Pending(long essayId, String action, String scope) {
    }

    private final Connection connection;
    private final Dialect dialect;
    private final long now;
    private final List<Pending> changes = new ArrayList<>();

    Transaction(Connection connection, Dialect dialect, long now) {
        this.connection = connection;
        this.dialect = dialect;
        this.now = now;
    }

    public Connection connection() {
        return connection;
    }

    /** The time of this transaction, epoch milliseconds. */
    public long now() {
        return now;
    }

    /**
     * Makes this transaction wait for every other essay write, in any process, to commit first. Essay writes read
     * before they write (is this song known? is this body stored?), so two at once could both add the same song.
     * SQLite already runs one writer at a time; on PostgreSQL this locks the change counter's row.
     */
    public void serializeEssayWrites() throws java.sql.SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (java.sql.Statement lock = connection.createStatement()) {
                lock.executeQuery("SELECT value FROM meta WHERE key = 'change_counter' FOR UPDATE").close();
            }
        }
    }

    /**
     * Records that essay {@code essayId} of {@code scope} changed; {@code action} is one of {@link ChangeLog#ACTIONS}.
     */
    public void essayChanged(long essayId, String action, String scope) {
        if (!ChangeLog.ACTIONS.contains(action)) {
            throw new IllegalArgumentException("not a change-log action: " + action);
        }
        changes.add(new Pending(essayId, action, scope));
    }

    List<Pending> changes() {
        return changes;
    }

    /** The essays this transaction recorded as changed so far, each once, in the order first recorded. */
    public List<Long> changedEssays() {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>();
        for (Pending change : changes) {
            ids.add(change.essayId());
        }
        return List.copyOf(ids);
    }
}
