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
    private final long now;
    private final List<Pending> changes = new ArrayList<>();

    Transaction(Connection connection, long now) {
        this.connection = connection;
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
}
