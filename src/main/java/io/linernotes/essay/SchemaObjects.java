package io.linernotes.essay;

import java.sql.Connection;
import java.sql.DriverManager;
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
 * empty in-memory database, and the file's {@code sqlite_master} must match them name for name and
 * definition for definition.
 */
final class SchemaObjects {

    private SchemaObjects() {
    }

    /**
     * Null when {@code connection} holds exactly the objects of schema {@code version}; otherwise the first
     * difference in words an operator can act on ("an unknown trigger 'x'").
     */
    static String problem(Connection connection, int version) throws SQLException {
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
        return "its schema is not Liner Notes' schema version " + version + ": it has " + String.join(", ", problems)
                + " (a backup holds exactly the tables and indexes Liner Notes made, and no triggers or views)";
    }

    /** The objects migrations {@code 1..version} create, keyed {@code "type name"}, with normalised SQL. */
    private static Map<String, String> expected(int version) throws SQLException {
        List<SchemaMigrations.Migration> steps = SchemaMigrations.ALL.stream()
                .filter(m -> m.version() <= version).toList();
        try (Connection memory = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            SchemaMigrations.migrate(memory, steps, 0);
            return objects(memory);
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
