package io.linernotes.durability;

import static io.linernotes.durability.DurabilityFixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.linernotes.app.StoreBackups;
import io.linernotes.cli.CliRunner.Run;
import io.linernotes.config.AppConfig;
import io.linernotes.config.StoreConfig;
import io.linernotes.core.Scope;
import io.linernotes.essay.Essay;
import io.linernotes.essay.EssayDraft;
import io.linernotes.essay.EssayRevision;
import io.linernotes.essay.SqlAnswerCache;
import io.linernotes.essay.SqlEssayStore;
import io.linernotes.essay.StoreArchive;
import io.linernotes.feedback.FeedbackStore;
import io.linernotes.feedback.Vote;
import io.linernotes.store.ChangeLog;
import io.linernotes.store.Database;
import io.linernotes.store.StoreEngine;
import io.linernotes.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Backup and restore of a PostgreSQL store cover every table, in the same checked file format as SQLite's")
class PostgresBackupRestoreTest {

    @TempDir
    Path tmp;

    private static EssayDraft draft(String title, String body) {
        return new EssayDraft(title, "Some Artist", List.of(), 2001, null, "a moderator", null, body);
    }

    /** What a store holds, in a comparable form: essays with history, feedback, cache, change log and counter. */
    private record Contents(List<Essay> essays, List<List<EssayRevision>> histories, int score, int gaps,
            boolean cached, List<ChangeLog.Change> changes) {
        static Contents of(Database db, long answerId) {
            SqlEssayStore store = SqlEssayStore.on(db);
            List<Essay> essays = store.all();
            FeedbackStore feedback = FeedbackStore.on(db);
            return new Contents(essays, essays.stream().map(e -> store.history(e.id())).toList(),
                    feedback.score(answerId), feedback.gaps(Scope.guild("7"), 10).size(),
                    new SqlAnswerCache(db).find("cache-key", 0).isPresent(), db.changeLog().changesSince(0));
        }
    }

    private static long fill(Database db) {
        SqlEssayStore store = SqlEssayStore.on(db);
        long kept = store.add(draft("Paper Comet", "First reading."), Scope.guild("7")).essay().id();
        store.update(kept, draft("Paper Comet", "Second reading."), Scope.guild("7"));
        long gone = store.add(draft("Glass Harbour", "Removed later."), Scope.GLOBAL).essay().id();
        store.remove(gone, Scope.GLOBAL);
        store.addAll(List.of(draft("Cedar Ferry", "Imported."), draft("Slate Meadow", "Imported too.")), Scope.GLOBAL);
        FeedbackStore feedback = FeedbackStore.on(db);
        long answer = feedback.recordAnswer("u1", Scope.guild("7"), "what is it about", null, null, "ANSWERED", "Text.");
        feedback.vote(answer, "u2", Vote.DOWN);
        feedback.recordGap(Scope.guild("7"), "an unanswered question", null);
        new SqlAnswerCache(db).put("cache-key", 1, List.of(kept), new io.linernotes.essay.AnswerCache.Entry("A.", "m"),
                0, Long.MAX_VALUE);
        return answer;
    }

    @Test
    @DisplayName("backup, change, restore through the command line: the store is as it was, the counter moves on,"
            + " and new rows get new ids")
    void roundTripThroughCli() throws Exception {
        StoreConfig store = StoreEngine.POSTGRESQL.freshConfig(tmp);
        Path cfg = tmp.resolve("pg.yaml");
        Files.writeString(cfg, "retrieval:\n  vectors: false\nmodel:\n  provider: extractive\nstore:\n  url: \""
                + store.url() + "\"\n");
        Path backup = tmp.resolve("store.backup");
        long answer;
        Contents before;
        long counterAtBackup;
        try (Database db = Database.open(store, tmp, name -> null)) {
            answer = fill(db);
            before = Contents.of(db, answer);
            counterAtBackup = db.changeLog().changeCounter();
        }

        Run backedUp = cli("", "--config", cfg.toString(), "--data-dir", tmp.resolve("data").toString(), "backup",
                backup.toString());
        assertEquals(0, backedUp.exit(), backedUp.err());
        assertTrue(backedUp.out().contains("Backed up 3 essays"), backedUp.out());
        assertTrue(StoreArchive.check(backup).usable(), "the same checked format as a SQLite backup");

        long counterBeforeRestore;
        try (Database db = Database.open(store, tmp, name -> null)) {
            SqlEssayStore.on(db).add(draft("After The Backup", "Gone after the restore."), Scope.GLOBAL);
            FeedbackStore.on(db).vote(answer, "u3", Vote.UP);
            counterBeforeRestore = db.changeLog().changeCounter();
        }

        Run restored = cli("", "--config", cfg.toString(), "--data-dir", tmp.resolve("data").toString(), "restore",
                backup.toString());
        assertEquals(0, restored.exit(), restored.err() + restored.out());

        try (Database db = Database.open(store, tmp, name -> null)) {
            assertEquals(before, Contents.of(db, answer));
            long counter = db.changeLog().changeCounter();
            assertTrue(counter > counterBeforeRestore && counter > counterAtBackup, "counter " + counter);
            long maxId = before.essays().stream().mapToLong(Essay::id).max().orElseThrow();
            long next = SqlEssayStore.on(db).add(draft("New After Restore", "New."), Scope.GLOBAL).essay().id();
            assertTrue(next > maxId, "ids continue after the restored ones");
            assertTrue(FeedbackStore.on(db).recordAnswer("u", Scope.GLOBAL, "q", null, null, "ANSWERED", "t") > answer);
        }
    }

    @Test
    @DisplayName("a restore is refused, and changes nothing, while another Liner Notes process is connected")
    void refusedWhileAnotherProcessRuns() throws Exception {
        StoreConfig store = StoreEngine.POSTGRESQL.freshConfig(tmp);
        AppConfig config = AppConfig.defaults().withDataDir(tmp.resolve("data").toString()).withStore(store);
        Path backup = tmp.resolve("empty.backup");
        StoreBackups.backup(config, backup, name -> null);
        try (Database db = Database.open(store, tmp, name -> null)) {
            SqlEssayStore.on(db).add(draft("Stays", "Kept."), Scope.GLOBAL);
        }
        Properties other = new Properties();
        other.setProperty("ApplicationName", "linernotes-999999");
        try (Connection elsewhere = DriverManager.getConnection(store.url(), other)) {
            StoreBackups.RestoreResult result = StoreBackups.restore(config, backup, name -> null);
            assertFalse(result.restored());
            assertTrue(result.refusal().contains("other Liner Notes processes"), result.refusal());
        }
        try (Database db = Database.open(store, tmp, name -> null)) {
            assertEquals(1, SqlEssayStore.on(db).all().size());
        }
    }

    @Test
    @DisplayName("one file moves a store between the engines: PostgreSQL to SQLite and SQLite to PostgreSQL")
    void movesBetweenEngines() throws Exception {
        StoreConfig pg = StoreEngine.POSTGRESQL.freshConfig(tmp);
        AppConfig onPg = AppConfig.defaults().withDataDir(tmp.resolve("pgdata").toString()).withStore(pg);
        AppConfig onSqlite = AppConfig.defaults().withDataDir(tmp.resolve("sqlitedata").toString());
        long answer;
        Contents original;
        try (Database db = Database.open(pg, tmp, name -> null)) {
            answer = fill(db);
            original = Contents.of(db, answer);
        }
        Path fromPg = tmp.resolve("from-pg.backup");
        StoreBackups.backup(onPg, fromPg, name -> null);
        assertTrue(StoreBackups.restore(onSqlite, fromPg, name -> null).restored());
        try (Database db = Database.sqlite(tmp.resolve("sqlitedata").resolve(Database.DEFAULT_FILE))) {
            assertEquals(original, Contents.of(db, answer), "PostgreSQL to SQLite");
        }

        Path fromSqlite = tmp.resolve("from-sqlite.backup");
        StoreBackups.backup(onSqlite, fromSqlite, name -> null);
        StoreConfig second = StoreConfig.defaults().withUrl(TestPostgres.freshDatabase());
        AppConfig onSecondPg = AppConfig.defaults().withDataDir(tmp.resolve("pg2").toString()).withStore(second);
        assertTrue(StoreBackups.restore(onSecondPg, fromSqlite, name -> null).restored());
        try (Database db = Database.open(second, tmp, name -> null)) {
            assertEquals(original, Contents.of(db, answer), "SQLite to PostgreSQL");
            // The fresh database's identities started at 1: they were moved past the restored ids.
            long maxId = original.essays().stream().mapToLong(Essay::id).max().orElseThrow();
            assertTrue(SqlEssayStore.on(db).add(draft("First New", "New."), Scope.GLOBAL).essay().id() > maxId);
            assertTrue(FeedbackStore.on(db).recordAnswer("u", Scope.GLOBAL, "q", null, null, "ANSWERED", "t") > answer);
            assertTrue(db.changeLog().latestChange() > original.changes().get(original.changes().size() - 1).id());
        }
    }
}
