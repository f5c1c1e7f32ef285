package io.linernotes.essay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.core.Scope;
import io.linernotes.core.Song;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Song details belong to whoever owns the song row: the shared catalogue (shared imports) or one server. On a
 * real SQLite file: a server's essays never change a shared song's details nor another server's, and a shared
 * import of a song servers had their own rows for takes their essays in. A store written before owners existed
 * is split and repaired when it is opened.
 */
class SongOwnershipTest {

    private static final Scope B = Scope.guild("200");
    private static final Scope C = Scope.guild("300");

    @TempDir
    Path dir;

    private static EssayDraft draft(String title, List<String> featured, Integer year, String album, String body) {
        return new EssayDraft(title, "Eminem", featured, year, album, null, null, body);
    }

    @Test
    @DisplayName("a server's add, edit and restore on a shared song leave its details as the shared import set them")
    void serverWritesLeaveSharedDetails() {
        try (SqlEssayStore store = SqlEssayStore.open(dir.resolve("s.db"))) {
            Song shared = store.add(draft("Stan", List.of("Dido"), 2000, "The Marshall Mathers LP", "Shared."),
                    Scope.GLOBAL).essay().song();
            long b = store.add(draft("Stan", List.of("Mallory"), 1999, "Evil", "B's reading."), B).essay().id();
            store.update(b, draft("Stan", List.of("Mallory"), 1999, "Evil", "B's second reading."), B);
            store.update(b, draft("Stan", List.of("Dido"), 2000, null, "B's third reading."), B);
            Essay restored = store.restore(b, 2, B).orElseThrow();

            assertEquals(shared, restored.song(), "B's essay shows the shared song as it is");
            assertEquals(List.of(shared), store.songs(), "one song, unchanged");
            assertEquals("B's second reading.", restored.body(), "B's own text is restored");
        }
    }

    @Test
    @DisplayName("two servers writing about a song the shared catalogue lacks each get their own row and details")
    void serversOwnTheirSongs() {
        try (SqlEssayStore store = SqlEssayStore.open(dir.resolve("s.db"))) {
            Essay b = store.add(draft("Paper Comet", List.of("Mallory"), 1999, null, "B's reading."), B).essay();
            Essay c = store.add(draft("Paper Comet", List.of("Dido"), 2001, null, "C's reading."), C).essay();
            store.update(b.id(), draft("Paper Comet", List.of("Eve"), 1998, "Evil", "B again."), B);

            assertNotEquals(b.song().id(), c.song().id());
            Essay cNow = store.get(c.id()).orElseThrow();
            assertEquals(List.of("Dido"), cNow.song().featured(), "C's details are C's");
            assertEquals(2001, cNow.song().year());
            assertEquals(List.of("Eve"), store.get(b.id()).orElseThrow().song().featured(), "B edits its own row");
        }
    }

    @Test
    @DisplayName("a shared import of a song a server had its own row for takes the server's essays in")
    void sharedImportAdoptsServerRows() {
        try (SqlEssayStore store = SqlEssayStore.open(dir.resolve("s.db"))) {
            Essay b = store.add(draft("Paper Comet", List.of("Mallory"), 1999, null, "B's reading."), B).essay();
            store.remove(store.add(draft("Paper Comet", List.of(), null, null, "C's removed."), C).essay().id(), C);
            EssayStore.Saved shared = store.add(draft("Paper Comet", List.of("Dido"), 2001, null, "Shared."),
                    Scope.GLOBAL);

            assertEquals(List.of(b.id()), shared.moved().stream().map(Essay::id).toList(), "only live essays move");
            Essay moved = store.get(b.id()).orElseThrow();
            assertEquals(shared.essay().song(), moved.song(), "B's essay is on the shared song now");
            assertEquals(List.of("Dido"), moved.song().featured());
            assertEquals(1, store.songs().size(), "one song of that name");
        }
    }

    @Test
    @DisplayName("opening a store from before owners splits servers' songs and restores shared details")
    void migrationRepairsOldStores() throws Exception {
        Path file = dir.resolve("old.db");
        io.linernotes.store.LegacyStores.create(file, 2);
        long shared = 1;
        long b = 2;
        long c = 3;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            // Rows as a release before owners wrote them: one song row per name, whoever wrote it; B's edit
            // had rewritten the shared Stan row with its own details.
            statement.executeUpdate("INSERT INTO songs (id, title, artist, featured, year, album, song_key) VALUES"
                    + " (10, 'Stan', 'Eminem', '[\"[Free Nitro](https://evil.example/nitro)\"]', 1999, NULL,"
                    + " 'stan | eminem'), (11, 'Paper Comet', 'Eminem', '[\"Eve\"]', 2001, NULL, 'paper comet | eminem')");
            oldEssay(statement, shared, 10, Scope.GLOBAL, draft("Stan", List.of("Dido"), 2000, null, "Shared."));
            oldEssay(statement, 4, 10, B, draft("Stan", List.of("[Free Nitro](https://evil.example/nitro)"), 1999,
                    null, "B on Stan."));
            oldEssay(statement, b, 11, B, draft("Paper Comet", List.of("Mallory"), 1999, null, "B's reading."));
            oldEssay(statement, c, 11, C, draft("Paper Comet", List.of("Eve"), 2001, null, "C's reading."));
            statement.executeUpdate("UPDATE meta SET value = 4 WHERE key = 'change_counter'");
        }
        long counterBefore = 4;
        try (SqlEssayStore store = SqlEssayStore.open(file)) {
            Song stan = store.get(shared).orElseThrow().song();
            assertEquals(List.of("Dido"), stan.featured(), "shared details from the shared essay");
            assertEquals(2000, stan.year());
            Song bSong = store.get(b).orElseThrow().song();
            Song cSong = store.get(c).orElseThrow().song();
            assertNotEquals(bSong.id(), cSong.id(), "one row per server");
            assertEquals(List.of("Mallory"), bSong.featured());
            assertEquals(List.of("Eve"), cSong.featured());
            assertEquals(2001, cSong.year());
            assertTrue(store.changeCounter() > counterBefore, "essays changed song: the index must be rebuilt");
            // And ownership holds from now on: B's edit changes only B's row.
            store.update(b, draft("Paper Comet", List.of("Zed"), 1990, null, "B again."), B);
            assertEquals(List.of("Eve"), store.get(c).orElseThrow().song().featured());
            assertEquals(stan, store.get(4).orElseThrow().song(), "B's essay on Stan stays on the shared song");
        }
    }

    private static void oldEssay(Statement statement, long id, long songId, Scope scope, EssayDraft draft)
            throws Exception {
        statement.executeUpdate("INSERT INTO essays (id, song_id, scope, author, source, body, content_hash, created_at,"
                + " updated_at, revision) VALUES (" + id + ", " + songId + ", '" + scope.key() + "', NULL, NULL, '"
                + draft.body().replace("'", "''") + "', '" + EssayRows.hash(draft.body()) + "', " + id + ", " + id + ", 1)");
        statement.executeUpdate("INSERT INTO essay_revisions (essay_id, revision, content, saved_at, action) VALUES ("
                + id + ", 1, '" + SongCatalogue.json(draft).replace("'", "''") + "', " + id + ", 'add')");
    }
}
