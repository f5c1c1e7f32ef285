package io.linernotes.essay;

import io.linernotes.store.LegacySchema;
import io.linernotes.store.Migrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.ConcurrentHashMap;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects (tables, indexes, triggers, views) a store of a given schema version holds, and the check that
 * a file holds exactly those. A restored file is someone else's SQL: one extra trigger would run inside every
 * later write (and could, say, rewrite the scope of each new essay), a view could stand in for a table. So
 * the expected objects are built by running this release's own migrations, up to the file's version, on an
 * empty database, and the file's {@code sqlite_master} must match them name for name and definition for
 * definition. A file's version is its Flyway version ({@code flyway_schema_history}); a file from before Flyway
 * has only its legacy step ({@code schema_version}) and is compared with those steps.
 */
final class SchemaObjects {

    /** A file's schema version: a Flyway version, or a legacy step of a file written before Flyway. */
    record Version(boolean flyway, int number) {
        String describe() {
            return flyway ? "schema version " + number : "schema step " + number + " (from before Flyway)";
        }
    }

    private static final Map<Version, Map<String, String>> EXPECTED = new ConcurrentHashMap<>();

    private SchemaObjects() {
    }

    /** The file's version; a Flyway version when it has Flyway's history, else its legacy step (0: none). */
    static Version version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean flyway;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                flyway = rs.next();
            }
            String sql = flyway
                    ? "SELECT COALESCE(MAX(CAST(version AS INTEGER)), 0) FROM flyway_schema_history"
                            + " WHERE success = 1 AND version IS NOT NULL"
                    : "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            try (ResultSet rs = statement.executeQuery(sql)) {
                return new Version(flyway, rs.next() ? rs.getInt(1) : 0);
            }
        }
    }

    /** Whether this release can open a file of {@code version}. */
    static boolean known(Version version) {
        return version.flyway() ? version.number() <= Migrations.latestVersion()
                : version.number() <= LegacySchema.ALL.get(LegacySchema.ALL.size() - 1).version();
    }

    /**
     * Null when {@code connection} holds exactly the objects of schema {@code version}; otherwise the first
     * difference in words an operator can act on ("an unknown trigger 'x'").
     */
    static String problem(Connection connection, Version version) throws SQLException {
        Map<String, String> expected = expected(version);
        Map<String, String> actual = objects(connection);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : actual.entrySet()) {
            String wanted = expected.get(e.getKey());
            if (wanted == null) {
                problems.add("an unknown " + describe(e.getKey()));
            } else if (!wanted.equals(e.getValue())) {
                problems.add("a changed definition of " + describe(e.getKey()));
            }
        }
        for (String key : expected.keySet()) {
            if (!actual.containsKey(key)) {
                problems.add("no " + describe(key));
            }
        }
        if (problems.isEmpty()) {
            return null;
        }
 return "its schema is not Liner Notes' " + version.describe() + ": it has " + String.join(", ", problems)
                + " (a backup holds exactly the tables and indexes Liner Notes made, and no triggers or views)";
    }

    /** The objects the migrations up to {@code version} create, keyed {@code "type name"}, with normalised SQL. */
    private static Map<String, String> expected(Version version) throws SQLException {
        Map<String, String> known = EXPECTED.get(version);
        if (known != null) {
            return known;
        }
        Map<String, String> built;
        if (!version.flyway()) {
            List<LegacySchema.Migration> steps = LegacySchema.ALL.stream()
                    .filter(m -> m.version() <= version.number()).toList();
            try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
                LegacySchema.migrate(memory, steps, 0);
                built = objects(memory);
            }
        } else {
            Path scratch = null;
            try {
                scratch = Files.createTempFile("linernotes-expected", ".db");
                Migrations.migrateSqliteTo(scratch, version.number());
                try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + scratch)) {
                    built = objects(connection);
                }
            } catch (IOException e) {
                throw new SQLException("cannot build the expected schema: " + e.getMessage(), e);
            } finally {
                deleteQuietly(scratch);
            }
        }
        EXPECTED.put(version, built);
        return built;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                // a scratch file in the temp directory: the system cleans it up
            }
        }
    }

    private static Map<String, String> objects(Connection connection) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
            while (rs.next()) {
                String sql = rs.getString(4);
                out.put(rs.getString(1) + " " + rs.getString(2),
                        "on " + rs.getString(3) + ": " + (sql == null ? "" : normalise(sql)));
            }
        }
        return out;
    }

    /**
     * SQLite keeps each definition as written, and rewrites it on a rename; releases of SQLite quote renamed
     * names differently. Case, quotes and spacing are therefore not differences.
     */
    private static String normalise(String sql) {
        return sql.toLowerCase(Locale.ROOT).replaceAll("[\"`\\[\\]]", "").replaceAll("\\s+", " ")
                .replaceAll(" ?([(),]) ?", "$1").strip();
    }

    private static String describe(String key) {
        int space = key.indexOf(' ');
        return key.substring(0, space) + " '" + key.substring(space + 1) + "'";
    }
}
