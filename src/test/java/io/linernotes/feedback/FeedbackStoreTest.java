package io.linernotes.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.store.Database;
import io.linernotes.store.StoreEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The feedback store keeps answers, votes and gaps in the store, on SQLite and on PostgreSQL")
@ParameterizedClass
@EnumSource(StoreEngine.class)
class FeedbackStoreTest {
    @Parameter
    StoreEngine engine;
    @TempDir
    Path dir;
    private StoreConfig config;

    @BeforeEach
    void pickStore() {
        config = engine == StoreEngine.SQLITE
                ? StoreConfig.defaults().withUrl("jdbc:sqlite:" + dir.resolve(Database.DEFAULT_FILE))
                : engine.freshConfig(dir);
    }

    /** Feedback on a store of this engine, opened anew (closing it closes the store). */
    private FeedbackStore open() {
        return FeedbackStore.owning(Database.open(config, dir, name -> null));
    }

    @Test
    @DisplayName("an answer is stored under an id and read back after reopening the file")
    void answersSurviveReopening() {
        long id;
        try (FeedbackStore store = open()) {
            id = store.recordAnswer("u1", Scope.guild("g1"), "what is runaway about", "Runaway", 7L, "ANSWERED", "A toast.");
        }
        if (engine == StoreEngine.SQLITE) {
            assertTrue(Files.exists(dir.resolve(Database.DEFAULT_FILE)), "feedback lives in the store");
        }
        try (FeedbackStore store = open()) {
            StoredAnswer a = store.answer(id).orElseThrow();
            assertEquals("what is runaway about", a.question());
            assertEquals(Scope.guild("g1"), a.scope());
            assertEquals(7L, a.songId());
            assertEquals("A toast.", a.text());
        }
    }

    @Test
    @DisplayName("one vote per user and answer: voting again replaces it; unknown answers take no vote")
    void oneVotePerUser() {
        try (FeedbackStore store = open()) {
            long id = store.recordAnswer("u1", Scope.GLOBAL, "q", null, null, "ANSWERED", "t");
            assertTrue(store.vote(id, "u1", Vote.UP));
            assertTrue(store.vote(id, "u1", Vote.DOWN));
            assertTrue(store.vote(id, "u2", Vote.DOWN));
            assertEquals(-2, store.score(id));
            assertFalse(store.vote(id + 1000, "u1", Vote.UP));
        }
    }

    @Test
    @DisplayName("gaps: unanswered questions (grouped) and disliked answers, only from the reader's scope or global")
    void gapsAreScoped() {
        try (FeedbackStore store = open()) {
            store.recordGap(Scope.guild("g1"), "what is Paranoid Android about", null);
            store.recordGap(Scope.guild("g1"), "What is Paranoid Android about", null);
            store.recordGap(Scope.guild("g2"), "secret question of g2", null);
            long liked = store.recordAnswer("u", Scope.guild("g1"), "liked", null, 1L, "ANSWERED", "t");
            long disliked = store.recordAnswer("u", Scope.guild("g1"), "disliked", null, 2L, "ANSWERED", "t");
            store.vote(liked, "u", Vote.UP);
            store.vote(disliked, "u", Vote.DOWN);

            List<Gap> gaps = store.gaps(Scope.guild("g1"), 10);
            assertEquals(2, gaps.size(), gaps.toString());
            assertTrue(gaps.stream().anyMatch(g -> g.kind() == Gap.Kind.UNANSWERED && g.question().contains("Paranoid")));
            assertTrue(gaps.stream().anyMatch(g -> g.kind() == Gap.Kind.DISLIKED && g.question().equals("disliked")
                    && g.songId() == 2L && g.downVotes() == 1));
            assertTrue(store.gaps(Scope.guild("g3"), 10).isEmpty());
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("the rows of an old feedback.sqlite are imported into a SQLite store once, ids kept")
    void importsOldFeedbackFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(engine == StoreEngine.SQLITE, "the old file sat beside a SQLite store");
        // The old file, made with the statements the old code ran.
        try (java.sql.Connection old = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(FeedbackStore.FILE_NAME));
                java.sql.Statement s = old.createStatement()) {
            s.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, scope TEXT NOT NULL,"
                    + " question TEXT NOT NULL, song_hint TEXT, song_id INTEGER, status TEXT NOT NULL, text TEXT NOT NULL,"
                    + " created_at TEXT NOT NULL)");
            s.execute("CREATE TABLE votes (answer_id INTEGER NOT NULL REFERENCES answers(id), user_id TEXT NOT NULL,"
                    + " vote INTEGER NOT NULL, voted_at TEXT NOT NULL, PRIMARY KEY (answer_id, user_id))");
            s.execute("CREATE TABLE gaps (id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL, question TEXT NOT NULL,"
                    + " song_hint TEXT, created_at TEXT NOT NULL)");
            s.execute("INSERT INTO answers VALUES (41, 'u1', 'guild:g1', 'an old question', NULL, 5, 'ANSWERED', 'Old.',"
                    + " '2026-01-01T00:00:00Z')");
            s.execute("INSERT INTO votes VALUES (41, 'u2', -1, '2026-01-01T00:01:00Z')");
            s.execute("INSERT INTO gaps (scope, question, created_at) VALUES ('guild:g1', 'nobody wrote this', '2026-01-01T00:02:00Z')");
        }
        try (Database db = Database.open(config, dir, name -> null)) {
            FeedbackStore store = FeedbackStore.open(db, dir);
            assertEquals("an old question", store.answer(41).orElseThrow().question());
            assertEquals(-1, store.score(41));
            assertEquals(2, store.gaps(Scope.guild("g1"), 10).size());
            assertTrue(store.recordAnswer("u3", Scope.GLOBAL, "new", null, null, "ANSWERED", "t") > 41);
        }
        assertFalse(Files.exists(dir.resolve(FeedbackStore.FILE_NAME)));
        assertTrue(Files.exists(dir.resolve(FeedbackStore.FILE_NAME + ".imported")));
        try (Database db = Database.open(config, dir, name -> null)) {
            assertEquals(-1, FeedbackStore.open(db, dir).score(41), "imported once, kept after reopening");
        }
    }
}
