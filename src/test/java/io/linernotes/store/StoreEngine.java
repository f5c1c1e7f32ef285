package io.linernotes.store;

import io.linernotes.config.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The two engines a store contract test runs on: {@code @ParameterizedTest @EnumSource(StoreEngine.class)}.
 * SQLite is a file in the test's temporary folder; PostgreSQL a fresh database on the one embedded server.
 */
public enum StoreEngine {
    SQLITE, POSTGRESQL;

    /** The store configuration for a new, empty store of this engine in {@code dir}. */
    public StoreConfig freshConfig(Path dir) {
        if (this == SQLITE) {
            return StoreConfig.defaults().withUrl("jdbc:sqlite:" + dir.resolve("store-" + System.nanoTime() + ".db"));
        }
        String url = TestPostgres.freshDatabase();
        // The embedded server's URL carries user=postgres; the test server trusts local connections.
        return StoreConfig.defaults().withUrl(url);
    }

    /** Opens a new, empty store of this engine. */
    public Database open(Path dir) {
        return open(dir, Clock.systemUTC());
    }

    public Database open(Path dir, Clock clock) {
        return Database.open(freshConfig(dir), dir, name -> null, clock);
    }
}
