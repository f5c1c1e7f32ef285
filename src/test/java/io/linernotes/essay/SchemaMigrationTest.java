package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.store.Database;
import io.linernotes.store.LegacySchema;
import io.linernotes.store.LegacyStores;
import io.linernotes.store.Migrations;
import io.linernotes.store.StoreEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The schema upgrades in place")
class SchemaMigrationTest {
    private static final int LEGACY_LAST = LegacySchema.ALL.get(LegacySchema.ALL.size() - 1).version();

    @TempDir
    Path dir;

    @Test
    @DisplayName("a database written at legacy step 1 keeps its essays and gains removal when reopened under Flyway")
    void upgradesFromVersionOne() throws Exception {
        Path file = dir.resolve("old.db");
        LegacyStores.create(file, 1);
        assertEquals(1, legacyStep(file));
        // The version-1 schema has no removed_at column, so write rows as that release did.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO songs (id, title, artist, featured, year, album, song_key)"
                    + " VALUES (7, 'Paper Comet', 'Mara Vell', '[\"Jun Oake\"]', 2010, NULL, 'paper comet | mara vell')");
            statement.executeUpdate("INSERT INTO essays (id, song_id, scope, author, source, body, content_hash,"
                    + " created_at, updated_at, revision) VALUES (3, 7, 'guild:1', 'old', NULL, 'Old body.', '"
                    + EssayRows.hash("Old body.") + "', 1000, 1000, 1)");
            statement.executeUpdate("INSERT INTO essay_revisions (essay_id, revision, content, saved_at, action)"
                    + " VALUES (3, 1, '{\"title\":\"Paper Comet\",\"artist\":\"Mara Vell\",\"featured\":[\"Jun Oake\"],"
                    + "\"year\":2010,\"album\":null,\"author\":\"old\",\"source\":null,\"body\":\"Old body.\"}', 1000, 'add')");
        }
        long id = 3;

        try (SqlEssayStore store = SqlEssayStore.open(file)) {
            assertEquals(LEGACY_LAST, legacyStep(file));
            assertEquals(Migrations.latestVersion(), flywayVersion(file));
            assertEquals(Migrations.latestVersion(), store.database().schemaVersion());
            Essay essay = store.get(id).orElseThrow();
            assertEquals("Old body.", essay.body());
            assertEquals(List.of("Jun Oake"), essay.song().featured());
            assertTrue(store.add(new EssayDraft("Paper Comet", "Mara Vell", List.of(), null, null, null, null,
                    "Old body."), Scope.guild("1")).unchanged(), "the old body hash is still matched");
            assertTrue(store.remove(id, Scope.guild("1")), "removal, new in version 2, works on old rows");
            assertEquals(List.of("add", "remove"), store.history(id).stream().map(EssayRevision::action).toList());
            assertEquals("Old body.", store.restore(id, 1, Scope.guild("1")).orElseThrow().body());
        }
        try (SqlEssayStore again = SqlEssayStore.open(file)) {
            assertEquals(Migrations.latestVersion(), flywayVersion(file), "a current file is left as it is");
            assertEquals(3, again.history(id).size());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    @DisplayName("a non-empty store written by the old code at any legacy step keeps every essay under Flyway")
    void keepsEveryEssayFromEveryLegacyStep(int step) throws Exception {
        Path file = dir.resolve("step" + step + ".db");
        LegacyStores.create(file, step);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            for (int i = 1; i <= 30; i++) {
                statement.executeUpdate("INSERT INTO songs (id, title, artist, featured, year, album, song_key)"
                        + " VALUES (" + i + ", 'Song " + i + "', 'Artist', '[]', NULL, NULL, 'song " + i + " | artist')");
                String body = "Body number " + i + ".";
                statement.executeUpdate("INSERT INTO essays (id, song_id, scope, author, source, body, content_hash,"
                        + " created_at, updated_at, revision) VALUES (" + i + ", " + i + ", '"
                        + (i % 3 == 0 ? "guild:9" : "global") + "', NULL, NULL, '" + body + "', '"
                        + EssayRows.hash(body) + "', " + i + ", " + i + ", 1)");
                statement.executeUpdate("INSERT INTO essay_revisions (essay_id, revision, content, saved_at, action)"
                        + " VALUES (" + i + ", 1, '" + SongCatalogue.json(new EssayDraft("Song " + i, "Artist",
                                List.of(), null, null, null, null, body)) + "', " + i + ", 'add')");
            }
        }
        try (SqlEssayStore store = SqlEssayStore.open(file)) {
            assertEquals(30, store.all().size());
            for (int i = 1; i <= 30; i++) {
                assertEquals("Body number " + i + ".", store.get(i).orElseThrow().body());
            }
            assertEquals(0, store.database().changeLog().latestChange(), "the log starts empty on an old store");
            long added = store.add(new EssayDraft("New Song", "Artist", List.of(), null, null, null, null, "New."),
                    Scope.GLOBAL).essay().id();
            assertTrue(added > 30);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreEngine.class)
    @DisplayName("a new store is migrated by Flyway to the newest version on either engine, and reopening changes nothing")
    void migratesBothEngines(StoreEngine engine) {
        var config = engine.freshConfig(dir);
        try (Database db = Database.open(config, dir, name -> null)) {
            assertEquals(Migrations.latestVersion(), db.schemaVersion());
        }
        try (Database db = Database.open(config, dir, name -> null)) {
            assertEquals(Migrations.latestVersion(), db.schemaVersion());
            assertEquals(0, db.changeLog().changeCounter());
        }
    }

    @Test
    @DisplayName("a database from a newer release is refused rather than damaged")
    void refusesNewerSchema() throws Exception {
        Path file = dir.resolve("new.db");
        SqlEssayStore.open(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) VALUES"
                    + " (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'someone', 0, 1)");
        }

        EssayStoreException refused = assertThrows(EssayStoreException.class, () -> SqlEssayStore.open(file));
        assertTrue(refused.getMessage().contains("schema version 99"), refused.getMessage());
    }

    @Test
    @DisplayName("a file of the old code from a newer release than the legacy steps is refused")
    void refusesNewerLegacyStep() throws Exception {
        Path file = dir.resolve("legacy-future.db");
        LegacyStores.create(file, 4);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO schema_version VALUES (99, 'from the future', 0)");
        }
        EssayStoreException refused = assertThrows(EssayStoreException.class, () -> SqlEssayStore.open(file));
        assertTrue(refused.getMessage().contains("schema version 99"), refused.getMessage());
    }

    private static int legacyStep(Path file) throws Exception {
        return intQuery(file, "SELECT MAX(version) FROM schema_version");
    }

    private static int flywayVersion(Path file) throws Exception {
        return intQuery(file, "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1");
    }

    private static int intQuery(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
