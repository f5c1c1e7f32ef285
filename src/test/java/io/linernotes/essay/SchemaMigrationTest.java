package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The schema upgrades in place")
class SchemaMigrationTest {
    private static final int LATEST = SchemaMigrations.ALL.get(SchemaMigrations.ALL.size() - 1).version();


    @TempDir
    Path dir;

    @Test
    @DisplayName("a database written at schema version 1 keeps its essays and gains removal when reopened")
    void upgradesFromVersionOne() throws Exception {
        Path file = dir.resolve("old.db");
        long id;
        try (SqliteEssayStore old = SqliteEssayStore.open(file, Clock.systemUTC(), SchemaMigrations.ALL.subList(0, 1))) {
            assertEquals(1, version(file));
            assertEquals(0, old.changeCounter());
            // The version-1 schema has no removed_at column, so write rows as that release did.
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO songs (id, title, artist, featured, year, album, song_key)"
                        + " VALUES (7, 'Runaway', 'Kanye West', '[\"Pusha T\"]', 2010, NULL, 'runaway | kanye west')");
                statement.executeUpdate("INSERT INTO essays (id, song_id, scope, author, source, body, content_hash,"
                        + " created_at, updated_at, revision) VALUES (3, 7, 'guild:1', 'old', NULL, 'Old body.', '"
                        + EssayRows.hash("Old body.") + "', 1000, 1000, 1)");
                statement.executeUpdate("INSERT INTO essay_revisions (essay_id, revision, content, saved_at, action)"
                        + " VALUES (3, 1, '{\"title\":\"Runaway\",\"artist\":\"Kanye West\",\"featured\":[\"Pusha T\"],"
                        + "\"year\":2010,\"album\":null,\"author\":\"old\",\"source\":null,\"body\":\"Old body.\"}', 1000, 'add')");
            }
            id = 3;
        }

        try (SqliteEssayStore store = SqliteEssayStore.open(file)) {
            assertEquals(LATEST, version(file));
            Essay essay = store.get(id).orElseThrow();
            assertEquals("Old body.", essay.body());
            assertEquals(List.of("Pusha T"), essay.song().featured());
            assertTrue(store.add(new EssayDraft("Runaway", "Kanye West", List.of(), null, null, null, null, "Old body."),
                    Scope.guild("1")).unchanged(), "the old body hash is still matched");
            assertTrue(store.remove(id, Scope.guild("1")), "removal, new in version 2, works on old rows");
            assertEquals(List.of("add", "remove"), store.history(id).stream().map(EssayRevision::action).toList());
            assertEquals("Old body.", store.restore(id, 1, Scope.guild("1")).orElseThrow().body());
        }
        try (SqliteEssayStore again = SqliteEssayStore.open(file)) {
            assertEquals(LATEST, version(file), "a current file is left as it is");
            assertEquals(3, again.history(id).size());
        }
    }

    @Test
    @DisplayName("a database from a newer release is refused rather than damaged")
    void refusesNewerSchema() throws Exception {
        Path file = dir.resolve("new.db");
        SqliteEssayStore.open(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO schema_version VALUES (99, 'from the future', 0)");
        }

        EssayStoreException refused = assertThrows(EssayStoreException.class, () -> SqliteEssayStore.open(file));
        assertTrue(refused.getMessage().contains("schema version 99"), refused.getMessage());
    }

    private static int version(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

}
