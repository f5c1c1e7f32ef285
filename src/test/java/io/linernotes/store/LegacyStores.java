package io.linernotes.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Files as releases before Flyway wrote them: the old migration path, run on a plain connection. */
public final class LegacyStores {

    private LegacyStores() {
    }

    /** Creates {@code file} at legacy schema step {@code step} (1 to 4), exactly as the old code did. */
    public static void create(Path file, int step) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            LegacySchema.migrate(connection, LegacySchema.ALL.subList(0, step), 1_000);
        }
    }
}
