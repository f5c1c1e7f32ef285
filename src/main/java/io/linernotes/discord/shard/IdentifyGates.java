package io.linernotes.discord.shard;

import io.linernotes.config.StoreConfig;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/** The gate that fits the store: shared advisory locks on PostgreSQL, this process alone on SQLite. */
public final class IdentifyGates {
    private IdentifyGates() {
    }

    /**
     * On PostgreSQL the gate opens a connection of its own for each IDENTIFY, outside the store's pool: a shard
     * waiting for its bucket must not hold a connection that answers need. The password comes from the
     * environment variable {@code store.passwordEnv} names, as for the store itself.
     */
    public static IdentifyGate forStore(StoreConfig store, Function<String, String> env) {
        if (!store.isPostgres()) {
            return new LocalIdentifyGate();
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(store.url());
        if (store.user() != null) {
            source.setUser(store.user());
        }
        String password = env.apply(store.passwordEnv());
        if (password != null && !password.isEmpty()) {
            source.setPassword(password);
        }
        source.setConnectTimeout(store.connectTimeoutSeconds());
        source.setApplicationName("linernotes-identify");
        return new PostgresIdentifyGate(source);
    }
}
