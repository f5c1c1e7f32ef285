package io.linernotes.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies the rows of every data table between a SQLite file of the project's backup format and a store of either
 * engine. The tables and their columns are read from the SQLite file's own schema (so tables added by later
 * migrations are copied without a list to keep up to date), parents before children by their foreign keys.
 * Flyway's history and the legacy {@code schema_version} are bookkeeping of each store, not data, and stay.
 */
public final class TableCopy {

    private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "schema_version", "sqlite_sequence");

    /** A data table and its columns, in the SQLite file's order. */
    public record Table(String name, List<String> columns) {
        String columnList() {
            return String.join(", ", columns);
        }
    }

    private TableCopy() {
    }

    /** The data tables of the SQLite file behind {@code sqlite}, every table after the tables it references. */
    public static List<Table> tables(Connection sqlite) throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (Statement statement = sqlite.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                if (!BOOKKEEPING.contains(rs.getString(1))) {
                    references.put(rs.getString(1), new LinkedHashSet<>());
                }
            }
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : references.keySet()) {
            try (Statement statement = sqlite.createStatement()) {
                try (ResultSet fk = statement.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
                    while (fk.next()) {
                        String parent = fk.getString("table");
                        if (!parent.equals(table)) {
                            references.get(table).add(parent);
                        }
                    }
                }
                List<String> names = new ArrayList<>();
                try (ResultSet info = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (info.next()) {
                        names.add(info.getString("name"));
                    }
                }
                columns.put(table, names);
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < references.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> e : references.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(
                        e.getValue().stream().filter(references::containsKey).toList())) {
                    placed.add(e.getKey());
                    ordered.add(new Table(e.getKey(), columns.get(e.getKey())));
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("the tables' foreign keys form a cycle: " + references);
            }
        }
        return ordered;
    }

    /** Deletes every row of {@code tables} in {@code to}, children first. */
    public static void clear(Connection to, List<Table> tables) throws SQLException {
        try (Statement statement = to.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                statement.executeUpdate("DELETE FROM " + tables.get(i).name());
            }
        }
    }

    /** Copies every row of {@code table} from {@code from} to {@code to}; returns how many. */
    public static long copy(Connection from, Connection to, Table table) throws SQLException {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        long rows = 0;
        try (Statement select = from.createStatement();
                ResultSet rs = select.executeQuery("SELECT " + table.columnList() + " FROM " + table.name());
                PreparedStatement insert = to.prepareStatement(
                        "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES (" + marks + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= table.columns().size(); i++) {
                    insert.setObject(i, rs.getObject(i));
                }
                insert.addBatch();
                if (++rows % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }
}
